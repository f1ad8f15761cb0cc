/** The shape of a Fix common errors rule. */

export type TextRuleId =
  | 'hearing-impaired'
  | 'tags'
  | 'ellipsis'
  | 'double-spaces'
  | 'space-before-punctuation'
  | 'space-after-punctuation'
  | 'chinese-punctuation'
  | 'dialogue-dashes'
  | 'empty-cues';

export interface TextRule {
  readonly id: TextRuleId;
  // Its name and a sentence of what it does are in the catalog: `validation:textFix.<id>` (ruleLabel, ruleDescription).
  /** Whether the rule is on until someone turns it off (the optional ones are off). */
  readonly defaultOn: boolean;
  /** The fixed text (the same string when nothing applies). Formatting tags are kept. */
  fix(text: string): string;
  /**
   * What the rule must leave alone, for the property tests: the rule's result and its input are the same once
   * spaces are removed and both are projected. Rules that only move spaces project to the text itself; a rule
   * that replaces or drops characters projects those characters away (it "names" them).
   */
  project(text: string): string;
}
