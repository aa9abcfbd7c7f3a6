// The port between the Thunderbird shell and the engine. Background code depends on this
// interface only, so unit tests pass a fake engine and the wiring to shared/src lives in one file
// (engine-shared.ts).
import type {
  Analysis,
  ConfirmedRoutes,
  Decision,
  History,
  Lookups,
  OriginalMessage,
  Profile,
} from '../../../shared/src/index';

export interface ProfileInput {
  /** The user's own addresses (identities + extra addresses from the options page), lower-cased. */
  addresses: string[];
  /** Header summaries of a sample of the user's sent mail. */
  sent: OriginalMessage[];
  trustedRelays: string[];
  /** What bounces of the user's own mail taught (profile.confirmed), carried over a relearn. */
  confirmed?: ConfirmedRoutes | undefined;
}

/** The verdict half of the engine (shared/src/verdict): decide() and what it needs. */
export interface VerdictEngine {
  decide(analysis: Analysis, profile: Profile, lookups: Lookups, history: History | undefined): Decision;
  learnProfile(input: ProfileInput): Profile;
  /** The profile taught by a bounce whose original was found in Sent (the same object when nothing to learn). */
  learnFromConfirmed(profile: Profile, analysis: Analysis, lookups: Lookups): Profile;
}

export interface Engine {
  /** `first`: a shown message's, analysed before background messages still waiting (foreground.ts). */
  analyze(bytes: Uint8Array, first?: boolean): Promise<Analysis>;
  summarizeHeaders(bytes: Uint8Array): OriginalMessage;
  /** undefined while no verdict module is wired: messages are then analysed but not judged. */
  verdict: VerdictEngine | undefined;
}
