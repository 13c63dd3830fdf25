/** A range's formats, conditional formats and data validation in the simulated host. */
import { intersects, rectAddress } from './address';
import { CellFormat, HostError } from './model';
import { Proxy, SimRequestContext } from './runtime';
import { RangeRef, formatOf, eachCell } from './rangeRef';

export class RangeFormat extends Proxy<RangeRef> {
  constructor(context: SimRequestContext) {
    super(context, 'RangeFormat');
  }
  protected override _scalars(): string[] {
    return ['columnWidth', 'rowHeight', 'horizontalAlignment', 'verticalAlignment', 'wrapText'];
  }
  protected override _read(ref: RangeRef, prop: string): unknown {
    const first = ref.sheet.cell(ref.rect.r0, ref.rect.c0)?.format ?? {};
    if (prop === 'columnWidth') return ref.sheet.columnWidths.get(ref.rect.c0) ?? 48;
    if (prop === 'rowHeight') return ref.sheet.rowHeights.get(ref.rect.r0) ?? 15;
    return (first as Record<string, unknown>)[prop] ?? null;
  }
  private _cellFormat(prop: keyof CellFormat, value: unknown): void {
    this._set(prop, value, (ref, v) =>
      eachCell(ref, (r, c) => ((formatOf(ref, r, c) as Record<string, unknown>)[prop] = v)),
    );
  }
  set columnWidth(points: number) {
    this._set('columnWidth', points, (ref) => {
      for (let c = ref.rect.c0; c <= ref.rect.c1; c++) ref.sheet.columnWidths.set(c, points);
    });
  }
  set rowHeight(points: number) {
    this._set('rowHeight', points, (ref) => {
      for (let r = ref.rect.r0; r <= ref.rect.r1; r++) ref.sheet.rowHeights.set(r, points);
    });
  }
  /** ExcelApi 1.2: the columns (rows) of the range back to the standard width (height). */
  set useStandardWidth(v: boolean) {
    this._set('useStandardWidth', v, (ref) => {
      if (v)
        for (const c of [...ref.sheet.columnWidths.keys()])
          if (c >= ref.rect.c0 && c <= ref.rect.c1) ref.sheet.columnWidths.delete(c);
    });
  }
  set useStandardHeight(v: boolean) {
    this._set('useStandardHeight', v, (ref) => {
      if (v)
        for (const r of [...ref.sheet.rowHeights.keys()])
          if (r >= ref.rect.r0 && r <= ref.rect.r1) ref.sheet.rowHeights.delete(r);
    });
  }
  set horizontalAlignment(v: string) {
    this._cellFormat('horizontalAlignment', v);
  }
  set verticalAlignment(v: string) {
    this._cellFormat('verticalAlignment', v);
  }
  set wrapText(v: boolean) {
    this._cellFormat('wrapText', v);
  }
  get font(): RangeFont {
    return this._nav(
      'font',
      () => new RangeFont(this.context),
      (ref) => ref,
    );
  }
  get fill(): RangeFill {
    return this._nav(
      'fill',
      () => new RangeFill(this.context),
      (ref) => ref,
    );
  }
  get borders(): RangeBorderCollection {
    return this._nav(
      'borders',
      () => new RangeBorderCollection(this.context),
      (ref) => ref,
    );
  }
  get protection(): FormatProtection {
    return this._nav(
      'protection',
      () => new FormatProtection(this.context),
      (ref) => ref,
    );
  }
}

export class RangeFont extends Proxy<RangeRef> {
  constructor(context: SimRequestContext) {
    super(context, 'RangeFont');
  }
  protected override _scalars(): string[] {
    return ['bold', 'italic', 'size', 'name', 'color'];
  }
  protected override _read(ref: RangeRef, prop: string): unknown {
    const f = ref.sheet.cell(ref.rect.r0, ref.rect.c0)?.format ?? {};
    const map: Record<string, unknown> = {
      bold: f.bold ?? false,
      italic: f.italic ?? false,
      size: f.size ?? 11,
      name: f.fontName ?? 'Calibri',
      color: f.fontColor ?? '#000000',
    };
    return map[prop];
  }
  private _font(prop: keyof CellFormat, name: string, value: unknown): void {
    this._set(name, value, (ref, v) =>
      eachCell(ref, (r, c) => ((formatOf(ref, r, c) as Record<string, unknown>)[prop] = v)),
    );
  }
  set bold(v: boolean) {
    this._font('bold', 'bold', v);
  }
  set italic(v: boolean) {
    this._font('italic', 'italic', v);
  }
  set size(v: number) {
    this._font('size', 'size', v);
  }
  set name(v: string) {
    this._font('fontName', 'name', v);
  }
  set color(v: string) {
    this._font('fontColor', 'color', v);
  }
}

export class RangeFill extends Proxy<RangeRef> {
  constructor(context: SimRequestContext) {
    super(context, 'RangeFill');
  }
  protected override _scalars(): string[] {
    return ['color'];
  }
  protected override _read(ref: RangeRef): unknown {
    return ref.sheet.cell(ref.rect.r0, ref.rect.c0)?.format?.fill ?? null;
  }
  set color(v: string) {
    this._set('color', v, (ref) => eachCell(ref, (r, c) => (formatOf(ref, r, c).fill = v)));
  }
}

export class RangeBorderCollection extends Proxy<RangeRef> {
  constructor(context: SimRequestContext) {
    super(context, 'RangeBorderCollection');
  }
  protected override _scalars(): string[] {
    return [];
  }
  protected override _read(): unknown {
    return null;
  }
  getItem(index: string): RangeBorder {
    return this._child(new RangeBorder(this.context, index), 'getItem', [index], (ref) => ref);
  }
}

export class RangeBorder extends Proxy<RangeRef> {
  constructor(
    context: SimRequestContext,
    private readonly side: string,
  ) {
    super(context, 'RangeBorder');
  }
  protected override _scalars(): string[] {
    return ['style'];
  }
  protected override _read(ref: RangeRef): unknown {
    return ref.sheet.cell(ref.rect.r0, ref.rect.c0)?.format?.borders?.[this.side] ?? 'None';
  }
  set style(v: string) {
    this._set('style', v, (ref) =>
      eachCell(ref, (r, c) => {
        const f = formatOf(ref, r, c);
        f.borders = { ...(f.borders ?? {}), [this.side]: v };
      }),
    );
  }
  /** Accepted; the host keeps border styles only. */
  set color(v: string) {
    this._set('color', v, () => undefined);
  }
}

export class FormatProtection extends Proxy<RangeRef> {
  constructor(context: SimRequestContext) {
    super(context, 'FormatProtection');
  }
  protected override _scalars(): string[] {
    return ['locked'];
  }
  protected override _read(ref: RangeRef): unknown {
    return ref.sheet.cell(ref.rect.r0, ref.rect.c0)?.locked ?? true;
  }
  set locked(v: boolean) {
    this._set('locked', v, (ref) =>
      eachCell(ref, (r, c) => (ref.sheet.cellForWrite(r, c).locked = v)),
    );
  }
}

export class ConditionalFormatCollection extends Proxy<RangeRef> {
  constructor(context: SimRequestContext) {
    super(context, 'ConditionalFormatCollection');
  }
  protected override _scalars(): string[] {
    return ['count'];
  }
  protected override _read(ref: RangeRef): unknown {
    return ref.sheet.conditionalFormats.length;
  }
  /** ExcelApi 1.6: removes the conditional formats that meet the range. */
  clearAll(): void {
    this._call('clearAll', [], (ref) => {
      ref.sheet.conditionalFormats = ref.sheet.conditionalFormats.filter(
        (cf) => !intersects(cf.rect, ref.rect),
      );
    });
  }
  add(type: string): ConditionalFormat {
    const cf = new ConditionalFormat(this.context);
    this.context.queue({ a: 'call', id: this._id, m: 'add', args: [type], out: cf._id }, () => {
      if (type !== 'Custom')
        throw new HostError(
          'InvalidArgument',
          `The simulated host supports custom conditional formats only, not ${type}.`,
        );
      const ref = this._model();
      const state = { rect: ref.rect, formula: '' };
      ref.sheet.conditionalFormats.push(state);
      cf._resolveWith(state);
    });
    return cf;
  }
}

export type CfState = { formula: string; fill?: string; fontColor?: string };

/** ConditionalFormat.custom.rule.formula / .custom.format.fill.color / .custom.format.font.color. */
export class ConditionalFormat extends Proxy<CfState> {
  constructor(context: SimRequestContext) {
    super(context, 'ConditionalFormat');
  }
  protected override _scalars(): string[] {
    return [];
  }
  protected override _read(): unknown {
    return null;
  }
  get custom() {
    const set = (prop: string, apply: (s: CfState, v: string) => void) => (v: string) =>
      this._set(prop, v, (s) => apply(s, v));
    const setFormula = set('custom.rule.formula', (s, v) => (s.formula = v));
    const setFill = set('custom.format.fill.color', (s, v) => (s.fill = v));
    const setFont = set('custom.format.font.color', (s, v) => (s.fontColor = v));
    return {
      rule: {
        set formula(v: string) {
          setFormula(v);
        },
      },
      format: {
        fill: {
          set color(v: string) {
            setFill(v);
          },
        },
        font: {
          set color(v: string) {
            setFont(v);
          },
        },
      },
    };
  }
}

export class DataValidation extends Proxy<RangeRef> {
  constructor(context: SimRequestContext) {
    super(context, 'DataValidation');
  }
  protected override _scalars(): string[] {
    return ['rule', 'ignoreBlanks', 'prompt', 'errorAlert'];
  }
  protected override _read(ref: RangeRef, prop: string): unknown {
    const v = ref.sheet.validations.find(
      (x) => x.rect.r0 === ref.rect.r0 && x.rect.c0 === ref.rect.c0,
    ) as Record<string, unknown> | undefined;
    return v?.[prop] ?? null;
  }
  private _state(ref: RangeRef) {
    let v = ref.sheet.validations.find((x) => rectAddress(x.rect) === rectAddress(ref.rect));
    if (!v) {
      v = { rect: ref.rect };
      ref.sheet.validations.push(v);
    }
    return v;
  }
  clear(): void {
    this._call('clear', [], (ref) => {
      ref.sheet.validations = ref.sheet.validations.filter((x) => !intersects(x.rect, ref.rect));
    });
  }
  set rule(rule: unknown) {
    this._set('rule', rule, (ref) => (this._state(ref).rule = rule));
  }
  set ignoreBlanks(v: boolean) {
    this._set('ignoreBlanks', v, (ref) => (this._state(ref).ignoreBlanks = v));
  }
  set prompt(v: unknown) {
    this._set('prompt', v, (ref) => (this._state(ref).prompt = v));
  }
  set errorAlert(v: unknown) {
    this._set('errorAlert', v, (ref) => (this._state(ref).errorAlert = v));
  }
}
