// Mapping offsets inside a value back to the source, and collecting findings. Pure.
import type { DiagnosticCode, DiagnosticSeverity, PlanValue, RawDiagnostic } from './model';
import type { Span } from './positions';

/** The source span of value[start, end), or the whole value when the source does not hold it verbatim. */
export function innerSpan(value: PlanValue, start?: number, end?: number): Span {
  if (value.offsetShift === undefined || start === undefined || end === undefined || end <= start) return value.span;
  const base = value.span.start + value.offsetShift;
  return { start: base + start, end: base + end };
}

/** A value's span, or its key's when the value is empty (so the squiggle is visible). */
export function visibleSpan(value: PlanValue): Span {
  return value.span.end > value.span.start ? value.span : value.keySpan;
}

export class DiagnosticSink {
  readonly items: RawDiagnostic[] = [];
  errors = 0;

  add(span: Span, severity: DiagnosticSeverity, code: DiagnosticCode, message: string): void {
    this.items.push({ span, severity, code, message });
    if (severity === 'error') this.errors++;
  }

  error(span: Span, code: DiagnosticCode, message: string): void {
    this.add(span, 'error', code, message);
  }
}
