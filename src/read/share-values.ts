// A city's workbooks repeat the same few values hundreds of thousands of times: the grade words of
// 400,000 ratings, their indicators' 满分, the sheet and file names in every row's cell reference.
// Parsed, and again after crossing from a worker thread (a structured clone copies every string
// it meets), each repetition is an object of its own: a run kept 480 MB of workbooks for what 170
// MB hold. This pass makes equal values one value. The model is never changed after parsing, so
// sharing cannot be seen, except in memory.

import type { Exact } from "../domain/exact.js";
import type { AppraisalWorkbook, RatingPart } from "../domain/model.js";
import type { CellRef } from "../domain/model.js";

/**
 * The value under `key`, the one in `outer` or, on first use, `value` put there. A map of maps is
 * made with it, `new Map()` passed for a map that is not there yet; lookups by values already
 * known allocate nothing (no function is made per call).
 */
function known<K, V>(outer: Map<K, V>, key: K, value: V): V {
  const found = outer.get(key);
  if (found !== undefined) return found;
  outer.set(key, value);
  return value;
}

/** An inner map of `outer`, made on first use. */
function inner<K, K2, V>(outer: Map<K, Map<K2, V>>, key: K): Map<K2, V> {
  let map = outer.get(key);
  if (map === undefined) {
    map = new Map<K2, V>();
    outer.set(key, map);
  }
  return map;
}

interface PartListNode {
  list: RatingPart[] | undefined;
  next: Map<RatingPart, PartListNode>;
}

export class SharedValues {
  private readonly strings = new Map<string, string>();
  /** Exact values by numerator, then denominator (bigints compare by value as map keys). */
  private readonly exacts = new Map<bigint, Map<bigint, Exact>>();
  /** Rating parts by their shared 满分, indicator, then grade word or shared points. */
  private readonly parts = new Map<Exact, Map<string | null, Map<string | Exact, RatingPart>>>();
  /**
   * Lists of shared parts, by the parts they hold, as a tree keyed by part (no key is made per
   * rating): a city's 400,000 ratings hold a few hundred lists.
   */
  private readonly partLists: PartListNode = { list: undefined, next: new Map() };
  /** The parts `part` made, so that a part already shared is not looked up again. */
  private readonly madeParts = new WeakSet<RatingPart>();
  /** The lists `partList` made, so that a list already shared is not looked up again. */
  private readonly madeLists = new WeakSet<readonly RatingPart[]>();

  string<T extends string | null>(value: T): T {
    if (value === null) return value;
    return known(this.strings, value, value) as T;
  }

  exact(value: Exact): Exact {
    return known(inner(this.exacts, value.n), value.d, value);
  }

  part(part: RatingPart): RatingPart {
    if (this.madeParts.has(part)) return part;
    const max = this.exact(part.max);
    if ("grade" in part) {
      const indicator = this.string(part.indicator);
      const byGrade = inner(inner(this.parts, max), indicator);
      const shared = byGrade.get(part.grade);
      return shared ?? this.made(byGrade, part.grade, { indicator, max, grade: part.grade });
    }
    const indicator = this.string(part.indicator);
    const points = this.exact(part.points);
    const byPoints = inner(inner(this.parts, max), indicator);
    return byPoints.get(points) ?? this.made(byPoints, points, { indicator, max, points });
  }

  private made(byValue: Map<string | Exact, RatingPart>, value: string | Exact, part: RatingPart): RatingPart {
    this.madeParts.add(part);
    byValue.set(value, part);
    return part;
  }

  /**
   * A rating's parts as a shared list of shared parts. Nobody changes a list after parsing. A list
   * already known is found without making anything: one is looked up for each of a city's
   * 400,000 ratings.
   */
  partList(parts: readonly RatingPart[]): RatingPart[] {
    if (this.madeLists.has(parts)) return parts as RatingPart[];
    let node = this.partLists;
    for (const part of parts) {
      const own = this.part(part);
      let next = node.next.get(own);
      if (next === undefined) {
        next = { list: undefined, next: new Map() };
        node.next.set(own, next);
      }
      node = next;
    }
    if (node.list === undefined) {
      const own = parts.map((part) => this.part(part));
      node.list = own;
      this.madeLists.add(own);
    }
    return node.list;
  }

  /** A cell reference keeps its own cell; its file, sheet and header are shared. */
  ref(ref: CellRef): CellRef {
    ref.file = this.string(ref.file);
    ref.sheet = this.string(ref.sheet);
    ref.header = this.string(ref.header);
    return ref;
  }

  /** The workbook with its repeated values shared, changed in place (it is fresh from parsing or a clone). */
  workbook(workbook: AppraisalWorkbook): AppraisalWorkbook {
    workbook.file = this.string(workbook.file);
    for (const person of workbook.persons) {
      person.unitCode = this.string(person.unitCode);
      person.department = this.string(person.department);
      this.ref(person.ref);
    }
    for (const rating of workbook.ratings) {
      rating.personId = this.string(rating.personId);
      rating.raterId = this.string(rating.raterId);
      rating.parts = this.partList(rating.parts);
      this.ref(rating.ref);
    }
    for (const item of workbook.workItems) {
      item.personId = this.string(item.personId);
      this.ref(item.ref);
    }
    for (const summary of workbook.summaries) {
      summary.personId = this.string(summary.personId);
      this.ref(summary.ref);
    }
    for (const score of workbook.individualScores) {
      score.personId = this.string(score.personId);
      score.individual = this.exact(score.individual);
      this.ref(score.ref);
    }
    for (const event of workbook.events) this.ref(event.ref);
    for (const decision of workbook.decisions) this.ref(decision.ref);
    return workbook;
  }
}
