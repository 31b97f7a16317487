import { LRUCache } from 'lru-cache';

/**
 * What a cache of database reads needs to refuse a late, stale fill. A read that a cache
 * will keep takes a `ticket()` *before* it reads; a change marks its tags after it commits
 * (`mark`), or marks everything at once (`markAll`, when a cache is cleared or announcements
 * may have been missed). A fill is stale when any of its tags was marked after its ticket
 * was taken: the rows it was made from may predate that change.
 *
 * Marks are kept in a bounded LRU for far longer than any read can take; when one is
 * dropped (pushed out, or timed out), every ticket older than it is refused instead, so a
 * lost mark can cost a fill but never let a stale one through.
 */
export interface Ticket {
  readonly seq: number;
}

const MARK_TTL_MS = 5 * 60_000;
const MAX_MARKS = 100_000;

export class ChangeMarks {
  /** tag → sequence number of its last change. */
  private readonly marks: LRUCache<string, number>;
  private seq = 0;
  /** Tickets at or below this are refused. */
  private floor = 0;

  constructor() {
    this.marks = new LRUCache({
      max: MAX_MARKS,
      ttl: MARK_TTL_MS,
      ttlAutopurge: false,
      dispose: (markSeq, _tag, reason) => {
        if ((reason === 'evict' || reason === 'expire') && markSeq > this.floor) this.floor = markSeq;
      },
    });
  }

  ticket(): Ticket {
    return { seq: ++this.seq };
  }

  mark(tag: string): void {
    this.marks.set(tag, ++this.seq);
  }

  markAll(): void {
    this.floor = ++this.seq;
  }

  isStale(ticket: Ticket, tags: readonly string[]): boolean {
    return ticket.seq <= this.floor || tags.some((tag) => (this.marks.get(tag) ?? 0) > ticket.seq);
  }
}
