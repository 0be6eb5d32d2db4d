// STUB — NOT THE BALLOT CRYPTOGRAPHY. MADANG-EG-STUB
//
// The browser's ElectionGuard module (ballot encryption, credentials, Benaloh challenge) is written on
// another branch (`jscrypto`) at this same path; merging that branch replaces this file. Until then
// every cryptographic function here refuses to work, so that nothing can pretend to encrypt a ballot:
// the voting page shows "ballot encryption is not available" instead.
// (The development server, tools/serve.mjs, serves a clearly marked fake from tools/mock-eg.js in
// place of this stub so the pages can be clicked through and checked with axe; never in production.)

const notAvailable = name => () => {
  throw new Error(`${name}: ballot cryptography is not available in this build (src/js/eg is a stub)`);
};

export const electionContext = notAvailable('electionContext');
export const contestsForStyle = notAvailable('contestsForStyle');
export async function encryptBallot() { notAvailable('encryptBallot')(); }
export const openBallot = notAvailable('openBallot');
export const openBallotDetails = notAvailable('openBallotDetails');
export const generateCredential = notAvailable('generateCredential');
export const signBallot = notAvailable('signBallot');
export const verifyBallotSignature = notAvailable('verifyBallotSignature');

/** 'ABCD-EF01-…': upper case, groups of 4 (plain formatting, no cryptography). */
export function groupedCode(hex) {
  return String(hex).toUpperCase().match(/.{1,4}/g)?.join('-') ?? '';
}
