import type { Messages } from './en';
import { frCoordination } from './fr-coordination';
import { frQueue } from './fr-queue';
import { frReview } from './fr-review';
import { frWork } from './fr-work';

/** Messages en français : mêmes clés que en.ts (vérifié par le typage). */
export const fr: Messages = {
  ...frWork,
  ...frCoordination,
  ...frQueue,
  ...frReview,
  'app.name': 'CityMentor',
  'app.tagline': 'Des villes accompagnent des villes dans l’intégration des migrants',
  'app.skipToContent': 'Aller au contenu',
  'app.loadFailed': 'Cette page n’a pas pu être chargée. Vérifiez votre connexion, puis rechargez.',
  'app.reload': 'Recharger',

  'nav.label': 'Principale',
  'nav.menu': 'Menu',
  'nav.programmes': 'Programmes',
  'nav.benchmarks': 'Référentiels',
  'nav.signedInAs': 'Connecté·e en tant que {name}',
  'nav.signOut': 'Se déconnecter',

  'language.label': 'Langue',

  'switcher.label': 'Programme',
  'switcher.choose': 'Choisir un programme…',
  'switcher.open': 'Ouvrir',

  'common.loading': 'Chargement…',
  'common.retry': 'Réessayer',

  'error.INVALID_CREDENTIALS': 'Adresse e-mail ou mot de passe incorrect.',
  'error.RATE_LIMITED': 'Trop de tentatives. Patientez un instant, puis réessayez.',
  'error.NETWORK': 'Le serveur est injoignable. Vérifiez votre connexion et réessayez.',
  'error.NOT_FOUND': 'Introuvable, ou non visible pour vous.',
  'error.FORBIDDEN': 'Vous n’êtes pas autorisé·e à voir ou à faire ceci.',
  'error.UNAUTHENTICATED': 'Votre session a expiré. Reconnectez-vous.',
  'error.INVALID_TOKEN': 'Votre session a expiré. Reconnectez-vous.',
  'error.TOKEN_REUSED': 'Votre session a expiré. Reconnectez-vous.',
  'error.VALIDATION_FAILED': 'Certaines informations ne sont pas valides.',
  'error.CONFLICT': 'Ceci a été modifié entre-temps. Rechargez et réessayez.',
  'error.SERVICE_UNAVAILABLE': 'Le service est momentanément indisponible. Réessayez dans un instant.',
  'error.STALE_VERSION':
    'Quelqu’un a modifié ceci entre-temps, vos changements n’ont donc pas été enregistrés. Rechargez pour le voir tel qu’il est maintenant, puis réessayez.',
  'error.TRANSITION_NOT_ALLOWED':
    'Ce n’est pas possible tant que le plan est « {state} ». Rechargez pour voir le plan tel qu’il est.',
  'error.PLAN_INCOMPLETE': 'Le plan ne peut pas encore être soumis. Il lui manque : {missing}.',
  'error.generic': 'Une erreur est survenue. Réessayez.',
  'error.serverSaid': 'Précisions du serveur :',

  'signIn.title': 'Connexion',
  'signIn.intro': 'Utilisez l’adresse e-mail à laquelle la coordination du programme vous a invité·e.',
  'signIn.email': 'Adresse e-mail',
  'signIn.password': 'Mot de passe',
  'signIn.expired':
    'Votre session a pris fin : veuillez vous reconnecter. Vous reviendrez où vous étiez, avec ce que vous aviez écrit sans l’envoyer.',
  'signIn.passwordChanged':
    'Votre mot de passe a été changé et toutes les sessions ont pris fin : connectez-vous avec le nouveau.',
  'account.title': 'Votre compte',
  'account.passwordTitle': 'Changer votre mot de passe',
  'account.passwordIntro':
    'Le changer vous déconnecte partout, y compris sur cet appareil ; reconnectez-vous ensuite avec le nouveau.',
  'account.newPassword': 'Nouveau mot de passe',
  'account.changePassword': 'Changer le mot de passe',
  'jobBoard.title': 'Tâches en arrière-plan',
  'jobBoard.intro':
    'En tant qu’administrateur·rice de cette installation, vous pouvez suivre les files de tâches en arrière-plan : rapports aux bailleurs, exports de données, notifications et e-mails, rappels et entretien. Le tableau ne fait que les montrer ; il ne change rien.',
  'jobBoard.open': 'Ouvrir le tableau des tâches (nouvel onglet)',
  'myData.title': 'Vos données',
  'myData.intro':
    'Téléchargez une copie des données que CityMentor détient sur vous : votre profil, vos adhésions, ce que vous avez écrit (réponses, plans, jalons, avancement, commentaires avec leurs versions antérieures), vos notifications, vos sessions et le journal de ce que vous avez fait. Vous recevez un .zip de fichiers JSON, avec un README qui décrit chacun. Vous seul·e pouvez le télécharger.',
  'myData.ask': 'Exporter mes données',
  'myData.asked': 'Demandé le {date}',
  'myData.building': 'Rassemblement de vos données… {percent}',
  'myData.failed': 'L’export n’a pas pu être préparé. Demandez-le à nouveau.',
  'myData.download': 'Télécharger le .zip ({size})',
  'myData.expires': 'Disponible jusqu’au {date}.',
  'myData.expired': 'Expiré : il n’est plus disponible. Demandez un nouvel export.',
  'myData.none': 'Vous n’avez encore demandé aucun export.',
  'myData.size': '{kb} ko',
  'signIn.submit': 'Se connecter',
  'signIn.submitting': 'Connexion…',

  'role.coordinator': 'Coordination',
  'role.expert': 'Expert·e',
  'role.city-member': 'Membre d’une ville',
  'role.none': 'Administrateur·rice (non membre)',

  'kind.city': 'Ville',
  'kind.partner': 'Organisation partenaire',
  'kind.network': 'Réseau',

  'status.planned': 'Prévu',
  'status.in-progress': 'En cours',
  'status.done': 'Terminé',
  'status.blocked': 'Bloqué',

  'programmes.title': 'Vos programmes',
  'programmes.empty': 'Vous ne faites encore partie d’aucun programme. La coordination vous enverra une invitation.',
  'programme.period': 'Période',
  'programme.dates': 'du {start} au {end}',
  'programme.coordinator': 'Coordonné par',
  'programme.myRole': 'Votre rôle',
  'programme.organisations': 'Organisations',
  'programme.organisations.empty': 'Aucune organisation n’a encore rejoint le programme.',
  'programme.members': 'Membres',
  'programme.members.empty': 'Personne n’a encore rejoint le programme.',
  'programme.milestones': 'Jalons du consortium',
  'programme.milestones.empty': 'Aucun jalon du consortium n’a été fixé.',
  'programme.milestones.late.one': '{count} jalon est en retard.',
  'programme.milestones.late.other': '{count} jalons sont en retard.',
  'programme.due': 'Échéance : {date}',
  'programme.late': 'En retard',
  'programme.statusPrefix': 'Statut :',

  'benchmarks.title': 'Référentiels',
  'benchmarks.intro':
    'Un référentiel fixe une norme pour un thème, section par section, avec des questions-guides et des exemples de villes qui l’atteignent déjà.',
  'benchmarks.empty': 'Aucun référentiel n’a encore été importé.',
  'benchmarks.sections.one': '{count} section',
  'benchmarks.sections.other': '{count} sections',
  'benchmarks.questions.one': '{count} question-guide',
  'benchmarks.questions.other': '{count} questions-guides',
  'benchmark.all': 'Tous les référentiels',
  'benchmark.standard': 'Norme',
  'benchmark.contents': 'Sections',
  'benchmark.rationale': 'Pourquoi c’est important',
  'benchmark.guideQuestions': 'Questions-guides',
  'benchmark.examples': 'Exemples de villes',
  'benchmark.examples.empty': 'Pas encore d’exemple pour cette section.',
  'benchmark.links': 'En savoir plus',
  'benchmark.contact': 'Contact : {contact}',
  'benchmark.contextFactors': 'Facteurs de contexte',
  'benchmark.contextFactors.intro':
    'Ce qu’une ville peut invoquer pour expliquer pourquoi elle atteint ou non une norme.',
  'benchmark.imported': 'Importé le {date}',

  'invitation.title': 'Rejoindre {programme}',
  'invitation.summary': 'Vous êtes invité·e à rejoindre {programme} pour {organisation}, avec le rôle : {role}.',
  'invitation.email': 'Adresse e-mail',
  'invitation.expires': 'Cette invitation expire le {date}.',
  'invitation.name': 'Votre nom',
  'invitation.newPassword': 'Choisissez un mot de passe',
  'invitation.currentPassword': 'Votre mot de passe actuel',
  'invitation.accountExists':
    'Vous avez déjà un compte avec cette adresse e-mail : confirmez avec votre mot de passe actuel.',
  'invitation.signedInAsOther':
    'Vous êtes connecté·e en tant que {name}. En acceptant, vous serez connecté·e en tant que la personne invitée.',
  'invitation.accept': 'Accepter et se connecter',
  'invitation.accepting': 'Inscription…',
  'invitation.invalid': 'Cette invitation n’est pas valide : elle a peut-être expiré ou déjà été utilisée.',

  'password.advice':
    'Au moins {min} caractères difficiles à deviner : par exemple quatre mots sans rapport entre eux ou plus, sans votre nom ni votre adresse e-mail.',
  'password.strength': 'Robustesse',
  'password.level.0': 'Très faible',
  'password.level.1': 'Faible',
  'password.level.2': 'Moyenne',
  'password.level.3': 'Bonne',
  'password.level.4': 'Très bonne',
  'password.tooWeak': 'trop facile à deviner',
  'password.strongEnough': 'suffisante',
  'password.refused': 'Ce mot de passe est trop facile à deviner ; il n’a pas été envoyé : choisissez-en un autre.',

  'notFound.title': 'Page introuvable',
  'notFound.body': 'Cette adresse ne correspond à aucune page.',
  'notFound.home': 'Aller à vos programmes',
};
