import type { enReview } from './en-review';

/** Messages des fils de relecture ancrés sur un champ du plan, et des modifications suggérées. */
export const frReview: Record<keyof typeof enReview, string> = {
  'anchor.comment': 'Commenter',
  'anchor.commentOn': 'Commenter « {field} »',
  'anchor.commentOnItem': 'Commenter l’élément {number} de « {field} »',
  'anchor.label': 'Votre commentaire sur « {field} » (révision {revision})',
  'anchor.outdated': 'Obsolète',
  'anchor.outdatedNote': 'Le plan a changé depuis. Écrit sur la révision {revision}, à propos de :',
  'anchor.on': 'Sur « {field} », révision {revision}',
  'anchor.movedTo': 'désormais élément {number}',
  'anchor.index': 'Fils de relecture ouverts, par champ',
  'anchor.fieldCount.one': '{field} : {count} fil ouvert',
  'anchor.fieldCount.other': '{field} : {count} fils ouverts',
  'suggestion.add': 'Proposer un nouveau texte (facultatif)',
  'suggestion.title': 'Modification suggérée',
  'suggestion.apply': 'Appliquer la suggestion',
  'suggestion.dismiss': 'Écarter',
  'suggestion.dismissLabel': 'Pourquoi pas ? (publié en réponse)',
  'suggestion.applied': 'Appliquée par {name}',
  'suggestion.dismissed': 'Écartée par {name}',
  'suggestion.stale': 'Le plan a changé entre-temps et a été rechargé : relisez-le, puis appliquez.',
  'suggestion.changed': 'Ce texte a été modifié après la suggestion ; elle n’a donc pas été appliquée.',
  'suggestion.changedNow': 'Texte actuel',
  'suggestion.changedSuggested': 'Texte suggéré',
};
