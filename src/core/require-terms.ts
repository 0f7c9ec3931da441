// SPDX-License-Identifier: MIT
/**
 * The hand-over from any element to the `<cgu-gate>` around it, apart from the gate itself:
 * an element that only needs to report `terms_not_accepted` (the dashboard and its panels)
 * then does not bring the whole gate into its bundle.
 */

/** `detail` of `citizen-terms-required`: nothing is needed, the gate asks the back end. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TermsRequiredDetail {}

/**
 * Fires `citizen-terms-required` from `element`, for an element whose adapter call failed
 * with `terms_not_accepted`: the `<cgu-gate>` around it shows the terms again.
 *
 * ```ts
 * catch (error) {
 *   if (CitizenError.from(error).code === 'terms_not_accepted') requireTerms(this);
 * }
 * ```
 */
export function requireTerms(element: Element): void {
  element.dispatchEvent(
    new CustomEvent<TermsRequiredDetail>('citizen-terms-required', { detail: {}, bubbles: true, composed: true }),
  );
}
