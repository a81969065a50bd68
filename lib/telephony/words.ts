// Words the telephony pages and the data functions both say, so that a refusal reads as the page does.

/** Why Edit telephony permissions is not offered for a user without a number, and is refused for them. */
export const permissionsNeedNumber = (fullName: string) =>
  `${fullName} has no phone number. Telephony permissions need a phone number: assign one first.`;
