import type { z } from 'zod';
import type {
  CasePage as CasePageSchema,
  CaseView as CaseViewSchema,
  OverdueCasePage as OverdueCasePageSchema,
  ReviewTaskView as ReviewTaskSchema,
  StaffCasePage as StaffCasePageSchema,
  StaffCaseView as StaffCaseViewSchema,
  StalledCasePage as StalledCasePageSchema,
  TaskPage as TaskPageSchema,
} from '../../../shared/http/schemas/cases.ts';
import type {
  AdjustmentPage as AdjustmentPageSchema,
  Adjustment as AdjustmentSchema,
  GuideView as GuideSchema,
  MatterPage as MatterPageSchema,
  RegionList as RegionListSchema,
  Suggestions as SuggestionsSchema,
} from '../../../shared/http/schemas/catalog.ts';
import type { HeldLicence as HeldLicenceSchema } from '../../../shared/http/schemas/licences.ts';
import type {
  MaterialDownload as MaterialDownloadSchema,
  UploadInstructions as UploadInstructionsSchema,
} from '../../../shared/http/schemas/materials.ts';
import type {
  MessagePage as MessagePageSchema,
  MessageView as MessageViewSchema,
} from '../../../shared/http/schemas/messages.ts';
import type { Health as HealthSchema, Me as MeSchema } from '../../../shared/http/schemas/platform.ts';

// The API's own zod schemas are the one definition of its shapes; only their types reach the bundle.
export type Guide = z.infer<typeof GuideSchema>;
export type Material = Guide['materials'][number];
export type MatterPage = z.infer<typeof MatterPageSchema>;
export type MatterSummary = MatterPage['items'][number];
export type Suggestions = z.infer<typeof SuggestionsSchema>;
export type RegionList = z.infer<typeof RegionListSchema>;
export type CaseView = z.infer<typeof CaseViewSchema>;
export type CasePage = z.infer<typeof CasePageSchema>;
export type Notice = CaseView['notices'][number];
export type StaffCaseView = z.infer<typeof StaffCaseViewSchema>;
export type StaffCasePage = z.infer<typeof StaffCasePageSchema>;
export type ReviewTask = z.infer<typeof ReviewTaskSchema>;
export type TaskPage = z.infer<typeof TaskPageSchema>;
export type OverdueCasePage = z.infer<typeof OverdueCasePageSchema>;
export type OverdueCase = OverdueCasePage['items'][number];
export type StalledCasePage = z.infer<typeof StalledCasePageSchema>;
export type StalledCase = StalledCasePage['items'][number];
export type Health = z.infer<typeof HealthSchema>;
export type HeldLicence = z.infer<typeof HeldLicenceSchema>;
export type Adjustment = z.infer<typeof AdjustmentSchema>;
export type AdjustmentPage = z.infer<typeof AdjustmentPageSchema>;
export type UploadInstructions = z.infer<typeof UploadInstructionsSchema>;
export type MaterialDownload = z.infer<typeof MaterialDownloadSchema>;
export type Me = z.infer<typeof MeSchema>;
export type InboxMessage = z.infer<typeof MessageViewSchema>;
export type MessagePage = z.infer<typeof MessagePageSchema>;

/** How the applicant supplies one material: a file, an e-licence (免证办), the commitment (承诺), or later (容缺). */
export type MaterialChoice = 'upload' | 'e-licence' | 'commitment' | 'defer';

/** The applicant window staff serve (帮办代办). */
export type WindowApplicant =
  | { kind: 'person'; name: string; idNumber: string; phone?: string }
  | { kind: 'enterprise'; name: string; uscc: string; phone?: string };
