import fs from 'node:fs';
import path from 'node:path';

type Person = { id: string; fullName: string };
type PersonWithNumber = Person & { e164: string; phoneNumberId: string };
type FreeNumber = { id: string; e164: string };

export type FlowData = {
  accountId: string;
  accountName: string;
  assignee: Person;
  numberToAssign: FreeNumber;
  emptyChoice: Person;
  editee: PersonWithNumber;
  staleEditee: PersonWithNumber;
  unassignee: PersonWithNumber;
  clearedBox: PersonWithNumber;
  racers: [Person, Person];
  numberToRaceFor: FreeNumber;
  replayTarget: Person;
  signedOutTarget: Person;
  numberToReplay: FreeNumber;
  viewer: { email: string; password: string };
};

export type InventoryData = {
  accountName: string;
  /** Unassigned; held by pastHolder until 3 days ago; to be given to receiver. */
  reused: FreeNumber & { pastHolder: string; receiver: string };
  callingName: FreeNumber;
  toDelete: FreeNumber;
  assigned: FreeNumber & { holder: string };
  tollFree: FreeNumber;
};

/** Numbers for "Add phone numbers": none is in the inventory except `existing`. */
export type AddNumbersData = {
  single: string;
  pasted: [string, string];
  tollFree: string;
  csv: [string, string, string];
  existing: string;
  forViewer: string;
};

type AdminPerson = { id: string; name: string; email: string; password: string };

/** For e2e/admins.spec.ts: its own full-scope Administrator, and admins for it to act on. */
export type AdminsData = {
  manager: AdminPerson;
  toChange: AdminPerson;
  staleTarget: AdminPerson;
  toDisable: AdminPerson;
  toReset: AdminPerson;
  /** Acted on only by refused, forged requests: must stay as it is. */
  forgeTarget: AdminPerson;
  /** The accounts a newly added admin is given. */
  newAdminAccounts: { id: string; name: string }[];
};

export type AuditData = {
  accountId: string;
  accountName: string;
  /** Has a number; given inbound calling (Done), then a stale edit (Conflict), then a read-only attempt (Denied). */
  subject: PersonWithNumber;
  viewerName: string;
  /** An account the e2e admin does not administer, with an event about this user in it. */
  hiddenAccountId: string;
  hiddenUserName: string;
};

/** For e2e/bad-input.spec.ts: its own account, a user named with markup, and targets for forged posts. */
export type BadInputData = {
  accountId: string;
  accountName: string;
  /** Full name `<img src=x onerror=alert(1)> …`: must be shown as text. */
  markupUser: { id: string; fullName: string };
  /** Without a number: forged assign posts aim at them. */
  target: { id: string; fullName: string };
  number: FreeNumber;
  /** Given to markupUser by the mass-assignment case. */
  massNumber: FreeNumber;
};

/** For e2e/accessibility.spec.ts and e2e/keyboard.spec.ts: their own account, users, numbers and admins. */
export type A11yData = {
  accountId: string;
  accountName: string;
  withoutNumber: Person;
  withNumber: PersonWithNumber;
  /** Given permissions by the test, to show the change banner. */
  changed: PersonWithNumber;
  /** Edited from two pages, so the second gets "someone else changed this first". */
  stale: PersonWithNumber;
  number: FreeNumber;
  /** An email queued about one of the account's users, for the Outbox pages. */
  outboxMessage: { id: string; subject: string };
  /** A valid number not in the inventory, for the Add preview. */
  notYetAdded: string;
  keyboard: {
    assignee: Person;
    /** Two free numbers that share `search`, so the radio group has two to move between. */
    numbers: [FreeNumber, FreeNumber];
    search: string;
    editee: PersonWithNumber;
    unassignee: PersonWithNumber;
  };
  /** An Administrator of all accounts, for the Admins pages. */
  manager: AdminPerson;
  subjectAdmin: AdminPerson;
  disabledAdmin: AdminPerson;
};

/** For e2e/notifications.spec.ts: its own account, a user for each form with the email box on and off. */
export type NotificationsData = {
  accountId: string;
  accountName: string;
  assignOn: Person & { email: string };
  assignOff: Person & { email: string };
  numberOn: FreeNumber;
  numberOff: FreeNumber;
  permissionsOn: PersonWithNumber & { email: string };
  permissionsOff: PersonWithNumber & { email: string };
  unassignOn: PersonWithNumber & { email: string };
  unassignOff: PersonWithNumber & { email: string };
  /** Nothing is assigned to them: the assign form's error keeps the email box as it was left. */
  errorTarget: Person & { email: string };
  /** An email about a user in an account the e2e admin does not administer. */
  hiddenMessageId: string;
};

export type ModeData = {
  a11y: A11yData;
  notifications: NotificationsData;
  badInput: BadInputData;
  /** An admin whose sign-ins the throttling test fails on purpose. */
  throttled: { email: string; password: string };
  admins: AdminsData;
  inventory: InventoryData;
  addNumbers: AddNumbersData;
  audit: AuditData;
  flows: FlowData;
  admin: { email: string; password: string; name: string };
  accounts: { id: string; name: string }[];
  users: { id: string; fullName: string; email: string }[];
  userWithNumber: { id: string; fullName: string; e164: string };
  otherAccount: { id: string; name: string; userId: string };
};
export type E2EData = { run: string; modes: Record<string, ModeData> };

/** This run's data for a project ("chromium" or "chromium-no-js"), made by e2e/prepare.ts. */
export function e2eData(projectName: string): ModeData & { run: string } {
  const data = JSON.parse(fs.readFileSync(path.join('.e2e', 'data.json'), 'utf8')) as E2EData;
  const mode = projectName.replace(/^setup /, '');
  const found = data.modes[mode];
  if (!found) throw new Error(`No e2e data for project ${projectName}; run the tests with npm run test:e2e.`);
  return { ...found, run: data.run };
}

/** "(206) 555-0100" for "+12065550100": how admins type a US number without its country code. */
export function national(e164: string): string {
  return e164.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, '($1) $2-$3');
}

/** "+1 206 555 0100" for "+12065550100", as the pages show North American numbers. */
export function formatted(e164: string): string {
  return e164.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, '+1 $1 $2 $3');
}
