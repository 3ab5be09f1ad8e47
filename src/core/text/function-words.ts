/**
 * Small closed word classes shared by the matchers' word lists (lower case, unstemmed). Each
 * matcher composes the list it needs from these and adds the words of its own purpose, so a word
 * class is written once.
 */

export const ARTICLES = ['the', 'a', 'an'] as const;

/** The prepositions every list skips. */
export const PREPOSITIONS = ['of', 'at', 'in', 'for', 'from', 'with', 'to', 'on', 'by'] as const;

/** Forms of "be" and "have" (auxiliaries and copulas). */
export const BE_HAVE = ['is', 'was', 'are', 'were', 'be', 'been', 'have', 'has', 'had'] as const;

/** Modal verbs. */
export const MODALS = ['will', 'would', 'could'] as const;

/** Demonstratives. */
export const DEMONSTRATIVES = ['this', 'that', 'these', 'those'] as const;

/** Words that report speech ("said", "told", "according to"). */
export const SPEECH_WORDS = ['said', 'say', 'told', 'according'] as const;
