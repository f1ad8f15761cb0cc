/**
 * Fix common errors: a table of text rules (one module each), the plan of every change they would make to a
 * document (cue, before, after, which rules), and the one undo step that applies the accepted changes.
 */
import type { Cue, SubtitleDoc } from '../document';
import { withFields } from '../document';
import { deleteCues, isNoop, ReplaceBuilder } from '../edits';
import { type Command, CompositeCommand } from '../history';
import { type CoreMessage, inEnglish, msg } from '../messages';
import { visibleText } from '../text-metrics';
import { chinesePunctuation } from './chinese-punctuation';
import { dialogueDashes } from './dialogue-dashes';
import { ellipsis } from './ellipsis';
import { hearingImpaired } from './hearing-impaired';
import type { TextRule, TextRuleId } from './rule';
import { doubleSpaces, spaceAfterPunctuation, spaceBeforePunctuation } from './spacing';
import { tags } from './tags';

export type { TextRule, TextRuleId } from './rule';

/** A rule's short name for the dialog's checkbox ("Double spaces"). */
export function ruleLabel(id: TextRuleId): CoreMessage {
  return msg(`validation:textFix.${id}.label`);
}

/** One sentence of what a rule does, with an example. */
export function ruleDescription(id: TextRuleId): CoreMessage {
  return msg(`validation:textFix.${id}.description`);
}

/** A rule list that names no rule or an unknown one; `message` is English, `said` in words when shown. */
export class RuleListError extends Error {
  override name = 'RuleListError';
  constructor(readonly said: CoreMessage) {
    super(inEnglish(said));
  }
}

/** Removes cues with no visible text (only spaces or tags). Not a text rule: it deletes the cue. */
export const EMPTY_CUES = {
  id: 'empty-cues',
  defaultOn: true,
} as const;

/** The text rules in the order they run: bracket removal first (it leaves spaces), tags, then spacing and marks. */
export const TEXT_RULES: readonly TextRule[] = Object.freeze([
  hearingImpaired,
  tags,
  ellipsis,
  doubleSpaces,
  spaceBeforePunctuation,
  spaceAfterPunctuation,
  chinesePunctuation,
  dialogueDashes,
]);

/** Every rule the dialog and `cuewave fix --rules` offer, text rules then empty cues. */
export const FIX_RULES: readonly Pick<TextRule, 'id' | 'defaultOn'>[] = Object.freeze([...TEXT_RULES, EMPTY_CUES]);

export const FIX_RULE_IDS: readonly TextRuleId[] = FIX_RULES.map((rule) => rule.id);

/** The rules on by default (the optional ones, hearing-impaired text and the ellipsis, are off). */
export const DEFAULT_FIX_RULES: readonly TextRuleId[] = FIX_RULES.filter((rule) => rule.defaultOn).map((r) => r.id);

export function isFixRuleId(value: string): value is TextRuleId {
  return (FIX_RULE_IDS as readonly string[]).includes(value);
}

/** `a,b,c` as rule ids; throws naming an unknown rule and the known ones. */
export function parseRuleList(list: string): TextRuleId[] {
  const ids: TextRuleId[] = [];
  for (const part of list.split(',')) {
    const name = part.trim();
    if (name === '') continue;
    if (name === 'default') ids.push(...DEFAULT_FIX_RULES);
    else if (name === 'all') ids.push(...FIX_RULE_IDS);
    else if (isFixRuleId(name)) ids.push(name);
    else throw new RuleListError(msg('validation:textFix.unknownRule', { name, known: FIX_RULE_IDS.join(', ') }));
  }
  if (ids.length === 0) throw new RuleListError(msg('validation:textFix.noRules'));
  return [...new Set(ids)];
}

/** One change the rules would make to one cue. */
export interface TextFixChange {
  readonly id: number;
  /** 0-based position of the cue when planned. */
  readonly position: number;
  readonly before: string;
  /** The new text, or null when the cue is deleted (empty cues). */
  readonly after: string | null;
  /** The rules that changed something, in run order. */
  readonly rules: readonly TextRuleId[];
}

/** Runs the chosen text rules over one text; returns the result and which rules changed it. */
export function fixText(text: string, rules: ReadonlySet<TextRuleId>): { text: string; rules: TextRuleId[] } {
  let out = text;
  const changed: TextRuleId[] = [];
  for (const rule of TEXT_RULES) {
    if (!rules.has(rule.id)) continue;
    const next = rule.fix(out);
    if (next !== out) {
      changed.push(rule.id);
      out = next;
    }
  }
  return { text: out, rules: changed };
}

/** Whether a text has nothing to read. */
export function isEmptyText(text: string): boolean {
  return visibleText(text).trim() === '';
}

/**
 * Plans the changes a slice at a time, so an editor can plan a 232,400-cue document between frames without
 * blocking typing: call `step` until it returns true, then read `changes`.
 */
export class TextFixPlanner {
  readonly changes: TextFixChange[] = [];
  private next = 0;
  private readonly rules: Set<TextRuleId>;
  private readonly removeEmpty: boolean;

  constructor(
    private readonly cues: readonly Cue[],
    ruleIds: readonly TextRuleId[],
  ) {
    this.rules = new Set(ruleIds);
    this.removeEmpty = this.rules.has('empty-cues');
  }

  /** Cues planned so far. */
  get done(): number {
    return this.next;
  }

  get total(): number {
    return this.cues.length;
  }

  /** Plans up to `count` more cues; returns whether every cue is planned. */
  step(count = Number.POSITIVE_INFINITY): boolean {
    const { cues, rules, changes } = this;
    const end = Math.min(cues.length, this.next + count);
    for (let position = this.next; position < end; position++) {
      const cue = cues[position] as Cue;
      const fixed = fixText(cue.text, rules);
      if (this.removeEmpty && isEmptyText(fixed.text)) {
        changes.push({ id: cue.id, position, before: cue.text, after: null, rules: [...fixed.rules, 'empty-cues'] });
      } else if (fixed.text !== cue.text) {
        changes.push({ id: cue.id, position, before: cue.text, after: fixed.text, rules: fixed.rules });
      }
    }
    this.next = end;
    return end === cues.length;
  }
}

/** Every change the chosen rules would make to `cues`, in document order. */
export function planTextFixes(cues: readonly Cue[], ruleIds: readonly TextRuleId[]): TextFixChange[] {
  const planner = new TextFixPlanner(cues, ruleIds);
  planner.step();
  return planner.changes;
}

export const FIX_COMMON_LABEL = 'Fix common errors';

/**
 * The accepted changes as ONE command: the text replacements, then the deletions. Changes whose cue has since
 * changed or gone are skipped. Returns null when nothing applies.
 */
export function textFixCommand(
  doc: SubtitleDoc,
  changes: readonly TextFixChange[],
): { command: Command; replaced: number; removed: number } | null {
  const builder = new ReplaceBuilder();
  const removals: number[] = [];
  for (const change of changes) {
    const position = doc.indexOf(change.id);
    if (position < 0) continue;
    const cue = doc.cues[position] as Cue;
    if (cue.text !== change.before) continue;
    if (change.after === null) removals.push(cue.id);
    else builder.add(position, cue, withFields(cue, { text: change.after }));
  }
  const replace = builder.build(FIX_COMMON_LABEL);
  if (isNoop(replace) && removals.length === 0) return null;
  const parts: Command[] = [];
  if (!isNoop(replace)) parts.push(replace);
  if (removals.length > 0) {
    // Deletions are built against the document after the replacements, so apply those first.
    replace.apply(doc);
    parts.push(deleteCues(doc, removals));
    replace.revert(doc);
  }
  return { command: new CompositeCommand(FIX_COMMON_LABEL, parts), replaced: builder.count, removed: removals.length };
}
