/** Document-property keys the use cases share (values are small JSON). */
export const BUDGET_SUMMARY_KEY = 'cchc.budget';
