// Which part of the real-register training pages a page belongs to for rule writing: the rule
// passes were written from the study part (three quarters of the pages); the check part (a
// quarter, by a fixed hash of the unit's `group`) is the pages no rule writer read.
// scripts/model-comparison/*.py compute the same split in Python.
import { createHash } from 'node:crypto';

/** 'check' or 'study' for a real-register unit's group (its page). */
export const rulesStudyPartOf = (group) => (parseInt(createHash('sha256').update(`rules-study:${group}`).digest('hex').slice(0, 8), 16) % 4 === 0 ? 'check' : 'study');
