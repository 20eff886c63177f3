import { z } from 'zod';

// A CSV import problem is stored as a stable code plus its parameters, never
// as text (issue 15): the words are chosen when a person reads them, in their
// language, from the `CsvProblems` messages (src/i18n/messages). Adding a code
// here without a message in every locale fails the type check and the unit tests.

const text = z.string().max(2_000);
const none = z.object({}).strict();
const shortName = z.object({ shortName: text }).strict();

const csvProblemSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('shortNameInvalid'), params: shortName }),
  z.object({ code: z.literal('shortNameRepeated'), params: z.object({ shortName: text, earlierLine: z.number().int().min(0) }).strict() }),
  z.object({ code: z.literal('nameEmpty'), params: none }),
  z.object({ code: z.literal('nameTooLong'), params: z.object({ max: z.number().int().positive() }).strict() }),
  z.object({ code: z.literal('nameUrlOrHtml'), params: none }),
  z.object({ code: z.literal('logoUrlInvalid'), params: z.object({ logoUrl: text }).strict() }),
  z.object({ code: z.literal('isTestOrgInvalid'), params: z.object({ value: text }).strict() }),
  z.object({ code: z.literal('adminEmailInvalid'), params: z.object({ email: text }).strict() }),
  z.object({ code: z.literal('adminListedTwice'), params: none }),
  z.object({ code: z.literal('logoUrlIgnored'), params: none }),
  z.object({ code: z.literal('orgGoneFromClerk'), params: shortName }),
  z.object({ code: z.literal('orgArchived'), params: shortName }),
  z.object({ code: z.literal('orgProvisioning'), params: shortName }),
  z.object({ code: z.literal('testOrgByImport'), params: none }),
  z.object({ code: z.literal('testOrgMustStayTest'), params: shortName }),
  z.object({ code: z.literal('testOrgFieldsFixed'), params: none }),
  z.object({ code: z.literal('clerkRefused'), params: z.object({ clerkCode: text }).strict() }),
  z.object({ code: z.literal('notApplied'), params: none }),
  z.object({ code: z.literal('columnsMissing'), params: z.object({ columns: text }).strict() }),
  z.object({ code: z.literal('columnsUnknown'), params: z.object({ columns: text }).strict() }),
  z.object({ code: z.literal('csvQuotes'), params: none }),
  z.object({ code: z.literal('csvColumnCount'), params: none }),
  z.object({ code: z.literal('csvUnreadable'), params: none }),
  // Problems stored as English text before they had codes: shown as they were.
  z.object({ code: z.literal('legacy'), params: z.object({ text }).strict() }),
]);

/** What is wrong, without the line: `{ code, params }`. */
export type CsvProblemDetail = z.infer<typeof csvProblemSchema>;
export type CsvProblemCode = CsvProblemDetail['code'];
export type CsvProblemParams<C extends CsvProblemCode> = Extract<CsvProblemDetail, { code: C }>['params'];
/** A problem of one line of the file (line 1 is the header). */
export type CsvProblem = { line: number } & CsvProblemDetail;

export const CSV_PROBLEM_CODES = csvProblemSchema.options.map((o) => o.shape.code.value) as CsvProblemCode[];

/** Builds a problem, its parameters checked by TypeScript (and by zod when read back). */
export function problem<C extends CsvProblemCode>(code: C, ...[params]: CsvProblemParams<C> extends Record<string, never> ? [] : [CsvProblemParams<C>]): CsvProblemDetail {
  return { code, params: params ?? {} } as CsvProblemDetail;
}

const storedSchema = z.object({ line: z.number().int().min(0) }).and(csvProblemSchema);

/**
 * A problem as MongoDB returns it (an empty `params` is dropped by mongoose on
 * save). One that fails the schema keeps its line and whatever text it has.
 */
export function storedProblem(doc: { line?: number | null; code?: string | null; params?: unknown; message?: string | null }): CsvProblem {
  const parsed = storedSchema.safeParse({ line: doc.line ?? 0, code: doc.code, params: doc.params ?? {} });
  if (parsed.success) return parsed.data;
  return { line: doc.line ?? 0, code: 'legacy', params: { text: doc.message ?? doc.code ?? '' } };
}
