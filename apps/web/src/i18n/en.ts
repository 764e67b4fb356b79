/**
 * English messages: the reference catalogue. Every other language must have exactly these keys
 * (fr.ts is typed against this file, so a missing or extra key breaks the build).
 * `{name}` is replaced by a parameter; keys ending in `.one` / `.other` are plural forms (see `tn`).
 */
import { enCoordination } from './en-coordination';
import { enQueue } from './en-queue';
import { enReview } from './en-review';
import { enWork } from './en-work';

const core = {
  'app.name': 'CityMentor',
  'app.tagline': 'Cities mentoring cities on migrant integration',
  'app.skipToContent': 'Skip to content',
  'app.loadFailed': 'This page could not be loaded. Check your connection, then reload.',
  'app.reload': 'Reload',

  'nav.label': 'Main',
  'nav.menu': 'Menu',
  'nav.programmes': 'Programmes',
  'nav.benchmarks': 'Benchmarks',
  'nav.signedInAs': 'Signed in as {name}',
  'nav.signOut': 'Sign out',

  'language.label': 'Language',

  'switcher.label': 'Programme',
  'switcher.choose': 'Choose a programme…',
  'switcher.open': 'Open',

  'common.loading': 'Loading…',
  'common.retry': 'Try again',

  'error.INVALID_CREDENTIALS': 'Wrong e-mail or password.',
  'error.RATE_LIMITED': 'Too many attempts. Wait a moment, then try again.',
  'error.NETWORK': 'The server cannot be reached. Check your connection and try again.',
  'error.NOT_FOUND': 'Not found, or not visible to you.',
  'error.FORBIDDEN': 'You are not allowed to see or do this.',
  'error.UNAUTHENTICATED': 'Your session has ended. Sign in again.',
  'error.INVALID_TOKEN': 'Your session has ended. Sign in again.',
  'error.TOKEN_REUSED': 'Your session has ended. Sign in again.',
  'error.VALIDATION_FAILED': 'Some of the information is not valid.',
  'error.CONFLICT': 'This was changed in the meantime. Reload and try again.',
  'error.SERVICE_UNAVAILABLE': 'The service is temporarily unavailable. Try again shortly.',
  'error.STALE_VERSION':
    'Someone changed this meanwhile, so it was not saved. Reload to see it as it is now, then try again.',
  'error.TRANSITION_NOT_ALLOWED':
    'This is not possible while the plan is “{state}”. Reload to see the plan as it is now.',
  'error.PLAN_INCOMPLETE': 'The plan cannot be submitted yet. It still needs: {missing}.',
  'error.generic': 'Something went wrong. Try again.',
  'error.serverSaid': 'Details from the server:',

  'signIn.title': 'Sign in',
  'signIn.intro': 'Use the e-mail address your programme coordinator invited.',
  'signIn.email': 'E-mail',
  'signIn.password': 'Password',
  'signIn.expired':
    'Your session has ended, so please sign in again. You will be back where you were, with anything you had typed and not yet sent.',
  'signIn.passwordChanged':
    'Your password has been changed and every session has ended: sign in with the new password.',
  'signIn.accountDeleted': 'Your account has been deleted and every session has ended.',
  'account.title': 'Your account',
  'deleteAccount.title': 'Delete my account',
  'deleteAccount.goes':
    'Your name, e-mail address, password, sessions, notifications and their settings, data exports and memberships are deleted at once, and you are signed out everywhere. This cannot be undone.',
  'deleteAccount.stays':
    'What you wrote for your city stays (plans, progress, comments), shown as by “a former member of” your organisation, so the plans and review threads keep their meaning. Coordinators are told that a member of your organisation left. Your e-mail address can be invited again later, as a new account.',
  'deleteAccount.password': 'Your password, to confirm',
  'deleteAccount.confirm': 'I understand: delete my account',
  'deleteAccount.submit': 'Delete my account',
  'person.formerMember': 'a former member of {organisation}',
  'person.formerMemberUnknown': 'a former member',
  'account.passwordTitle': 'Change your password',
  'account.passwordIntro': 'Changing it signs you out everywhere, on this device too; then sign in with the new one.',
  'account.newPassword': 'New password',
  'account.changePassword': 'Change the password',
  'jobBoard.title': 'Background jobs',
  'jobBoard.intro':
    'As the administrator of this installation, you can watch the worker’s queues: funder reports, data exports, notifications and e-mail, reminders and housekeeping. The board only shows them; it changes nothing.',
  'jobBoard.open': 'Open the job board (new tab)',
  'myData.title': 'Your data',
  'myData.intro':
    'Download a copy of the data CityMentor holds about you: your profile, memberships, what you wrote (answers, plans, milestones, progress, comments with their earlier wordings), notifications, sessions and the audit log of what you did. It comes as a .zip of JSON files with a README saying what each holds. Only you can download it.',
  'myData.ask': 'Export my data',
  'myData.asked': 'Asked {date}',
  'myData.building': 'Gathering your data… {percent}',
  'myData.failed': 'The export could not be built. Ask for it again.',
  'myData.download': 'Download the .zip ({size})',
  'myData.expires': 'Available until {date}.',
  'myData.expired': 'Expired: no longer available. Ask for a new export.',
  'myData.none': 'You have not asked for an export yet.',
  'myData.size': '{kb} kB',
  'signIn.submit': 'Sign in',
  'signIn.submitting': 'Signing in…',

  'role.coordinator': 'Coordinator',
  'role.expert': 'Expert',
  'role.city-member': 'City member',
  'role.none': 'Administrator (not a member)',

  'kind.city': 'City',
  'kind.partner': 'Partner organisation',
  'kind.network': 'Network',

  'status.planned': 'Planned',
  'status.in-progress': 'In progress',
  'status.done': 'Done',
  'status.blocked': 'Blocked',

  'programmes.title': 'Your programmes',
  'programmes.empty': 'You are not a member of any programme yet. Your coordinator will send you an invitation.',
  'programme.period': 'Period',
  'programme.dates': '{start} to {end}',
  'programme.coordinator': 'Coordinated by',
  'programme.myRole': 'Your role',
  'programme.organisations': 'Organisations',
  'programme.organisations.empty': 'No organisation has joined yet.',
  'programme.members': 'Members',
  'programme.members.empty': 'Nobody has joined yet.',
  'programme.milestones': 'Consortium milestones',
  'programme.milestones.empty': 'No consortium milestone has been set.',
  'programme.milestones.late.one': '{count} milestone is late.',
  'programme.milestones.late.other': '{count} milestones are late.',
  'programme.closedBanner': 'This programme was closed on {date}; it is read-only.',
  'lifecycle.title': 'Close or delete the programme',
  'lifecycle.closedIntro': 'The programme is closed: everyone can read it and its reports, no one can change it.',
  'lifecycle.deletableFrom': 'The programme is closed. It can be deleted from {date}.',
  'lifecycle.close': 'Close programme…',
  'lifecycle.closeExplained':
    'Closing makes the programme read-only for everyone: plans, milestones, comments, assessments, pairs, invitations and settings can no longer change, and reminders stop. Reports and people’s data exports stay available. You can reopen it.',
  'lifecycle.closeConfirm': 'Close programme',
  'lifecycle.reopen': 'Reopen programme',
  'lifecycle.cancel': 'Cancel',
  'lifecycle.delete': 'Delete programme…',
  'lifecycle.deleteExplained': 'Deleting “{name}” removes it for good, with everything below. This cannot be undone.',
  'lifecycle.typeName': 'Type the programme’s name to confirm: {name}',
  'lifecycle.deleteConfirm': 'Delete programme for good',
  'lifecycle.count.organisations': 'Organisations taking part: {count}',
  'lifecycle.count.members': 'Memberships: {count}',
  'lifecycle.count.invitations': 'Invitations: {count}',
  'lifecycle.count.consortiumMilestones': 'Consortium milestones: {count}',
  'lifecycle.count.pairs': 'Pairs: {count}',
  'lifecycle.count.plans': 'Action plans: {count}',
  'lifecycle.count.milestones': 'Plan milestones: {count}',
  'lifecycle.count.progressEntries': 'Progress entries: {count}',
  'lifecycle.count.comments': 'Comments: {count}',
  'lifecycle.count.assessments': 'Self-assessments: {count}',
  'lifecycle.count.events': 'Activity entries: {count}',
  'lifecycle.count.notifications': 'Notifications: {count}',
  'lifecycle.count.reports': 'Funder reports: {count}',
  'lifecycle.count.files': 'Report files: {count}',
  'programme.due': 'Due {date}',
  'programme.late': 'Late',
  'programme.statusPrefix': 'Status:',

  'benchmarks.title': 'Benchmarks',
  'benchmarks.intro':
    'A benchmark sets a standard for one theme, section by section, with guide questions and examples from cities that already meet it.',
  'benchmarks.empty': 'No benchmark has been imported yet.',
  'benchmarks.sections.one': '{count} section',
  'benchmarks.sections.other': '{count} sections',
  'benchmarks.questions.one': '{count} guide question',
  'benchmarks.questions.other': '{count} guide questions',
  'benchmark.all': 'All benchmarks',
  'benchmark.standard': 'Standard',
  'benchmark.contents': 'Sections',
  'benchmark.rationale': 'Why it matters',
  'benchmark.guideQuestions': 'Guide questions',
  'benchmark.examples': 'City examples',
  'benchmark.examples.empty': 'No example for this section yet.',
  'benchmark.links': 'Read more',
  'benchmark.contact': 'Contact: {contact}',
  'benchmark.contextFactors': 'Context factors',
  'benchmark.contextFactors.intro': 'What a city can cite to explain why it can or cannot meet a standard.',
  'benchmark.imported': 'Imported {date}',

  'invitation.title': 'Join {programme}',
  'invitation.summary': 'You are invited to join {programme} for {organisation}, as {role}.',
  'invitation.email': 'E-mail',
  'invitation.expires': 'This invitation expires on {date}.',
  'invitation.name': 'Your name',
  'invitation.newPassword': 'Choose a password',
  'invitation.currentPassword': 'Your current password',
  'invitation.accountExists':
    'You already have an account with this e-mail address: confirm with your current password.',
  'invitation.signedInAsOther': 'You are signed in as {name}. Accepting signs you in as the invited person instead.',
  'invitation.accept': 'Accept and sign in',
  'invitation.accepting': 'Joining…',
  'invitation.invalid': 'This invitation is not valid: it may have expired or been used already.',

  'password.advice':
    'Use {min} or more characters that are hard to guess: for example four or more unrelated words, not your name or e-mail address.',
  'password.strength': 'Strength',
  'password.level.0': 'Very weak',
  'password.level.1': 'Weak',
  'password.level.2': 'Fair',
  'password.level.3': 'Strong',
  'password.level.4': 'Very strong',
  'password.tooWeak': 'too easy to guess',
  'password.strongEnough': 'good enough',
  'password.refused': 'This password is too easy to guess, so it was not sent: choose another one.',

  'notFound.title': 'Page not found',
  'notFound.body': 'This address does not match any page.',
  'notFound.home': 'Go to your programmes',
} as const;

export const en = { ...core, ...enWork, ...enCoordination, ...enQueue, ...enReview };

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
