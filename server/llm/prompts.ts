/**
 * Prompt templates (`prompts/*.md`), read once and filled with `{{placeholders}}`. Sources go
 * into fenced blocks as data; a fence inside a source is broken up so it cannot close the block.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PromptTemplates {
  system: string;
  user: string;
}

const DEFAULT_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));

/** Reads the answer templates from `dir` (default: the shipped `prompts/`). */
export function loadPromptTemplates(dir: string = DEFAULT_DIR): PromptTemplates {
  return {
    system: fs.readFileSync(path.join(dir, 'answer.system.vi.md'), 'utf8').trim(),
    user: fs.readFileSync(path.join(dir, 'answer.user.vi.md'), 'utf8').trim(),
  };
}

/** Replaces each `{{name}}` with its value; unknown placeholders are left as they are. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (match, name: string) => (name in values ? values[name] : match));
}

/** Text as a fenced data block; a fence inside it is broken up so it cannot close the block. */
export function fenced(text: string): string {
  return `\`\`\`\n${text.replace(/```/g, "'''")}\n\`\`\``;
}

/** One numbered source as a fenced data block. */
export function formatSource(number: number, heading: string, text: string): string {
  return `[${number}] ${heading}\n${fenced(text)}`;
}
