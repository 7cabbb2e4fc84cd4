/**
 * Stage "extract": units, timelines, tasks, references and the registry, from parsed documents.
 */
export {
  loadUnits,
  loadFieldLabels,
  loadExtractVocabulary,
  readUnitShapes,
  type VocabularyUnit,
  type FieldLabels,
  type ExtractVocabulary,
  type UnitShapes,
  type ObligationPhrases,
} from './vocabulary.js';
export { unitsByShape, unitNamesByShape } from './unit-shapes.js';
export { findTimelinePhrase } from './timeline-phrase.js';
export { extractObligations } from './obligations.js';
export { findUnitMentions, resolveUnit, type UnitMention } from './units.js';
export { parseTimeline } from './timeline.js';
export { subjectUnits } from './subjects.js';
export { extractTasks, findTaskPart, taskFromItem } from './tasks.js';
export { extractTableTasks } from './table-tasks.js';
export { extractReferences } from './references.js';
export { buildRegistry } from './registry.js';
