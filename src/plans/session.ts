// The open plan documents of a language server: analyses them on every change (static checks at once,
// plus live facts already cached), then completes the live checks after a pause in typing and publishes
// again if the document has not changed meanwhile. No LSP types: the server wires it to the connection.
import type { PlanEnvironment } from './catalog';
import { completeLiveDiagnostics, liveDiagnostics } from './liveChecks';
import { PlanParseCache } from './incremental';
import type { LiveCache } from './liveSource';
import type { PlanDiagnostic } from './model';
import { analyzePlan, type PlanAnalysis } from './validate';

export interface PlanSessionOptions {
  /** The services, profiles and regions now (called on every analysis; keep it cheap). */
  environment(): PlanEnvironment;
  /** The live facts; undefined turns live checks off. */
  cache(): LiveCache | undefined;
  publish(uri: string, version: number, diagnostics: PlanDiagnostic[]): void;
  /** How long typing must pause before live checks load what is missing. */
  readonly liveDelayMs: number;
  describeError?(error: unknown): string;
  onError?(error: unknown): void;
}

interface Doc {
  parseCache: PlanParseCache;
  version: number;
  text: string;
  analysis: PlanAnalysis;
  timer?: ReturnType<typeof setTimeout>;
}

export class PlanSession {
  private readonly docs = new Map<string, Doc>();

  constructor(private readonly options: PlanSessionOptions) {}

  /** Analyses a new or changed document and publishes its diagnostics. */
  update(uri: string, version: number, text: string): PlanAnalysis {
    const previous = this.docs.get(uri);
    if (previous?.timer) clearTimeout(previous.timer);
    const parseCache = previous?.parseCache ?? new PlanParseCache();
    const analysis = analyzePlan(text, this.options.environment(), parseCache);
    const doc: Doc = { parseCache, version, text, analysis };
    this.docs.set(uri, doc);
    const cache = this.options.cache();
    const live = cache ? liveDiagnostics(analysis, cache, this.options.describeError) : undefined;
    this.options.publish(uri, version, [...analysis.diagnostics, ...(live?.diagnostics ?? [])]);
    if (cache && live && live.loads.length > 0) {
      doc.timer = setTimeout(() => void this.completeLive(uri, doc, cache), this.options.liveDelayMs);
    }
    return analysis;
  }

  private async completeLive(uri: string, doc: Doc, cache: LiveCache): Promise<void> {
    doc.timer = undefined;
    try {
      const live = await completeLiveDiagnostics(doc.analysis, cache, this.options.describeError);
      if (this.docs.get(uri) === doc) this.options.publish(uri, doc.version, [...doc.analysis.diagnostics, ...live]);
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  close(uri: string): void {
    const doc = this.docs.get(uri);
    if (doc?.timer) clearTimeout(doc.timer);
    this.docs.delete(uri);
  }

  /** The last analysis of a document (templates expanded for the time of the last edit). */
  analysis(uri: string): PlanAnalysis | undefined {
    return this.docs.get(uri)?.analysis;
  }

  /** A fresh analysis for now (what a dry run or a run uses). */
  analyzeNow(uri: string): PlanAnalysis | undefined {
    const doc = this.docs.get(uri);
    return doc ? analyzePlan(doc.text, this.options.environment(), doc.parseCache) : undefined;
  }

  /** Analyses every open document again (profiles or settings changed). */
  refresh(): void {
    for (const [uri, doc] of [...this.docs]) this.update(uri, doc.version, doc.text);
  }

  dispose(): void {
    for (const doc of this.docs.values()) if (doc.timer) clearTimeout(doc.timer);
    this.docs.clear();
  }
}
