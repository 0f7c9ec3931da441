// SPDX-License-Identifier: MIT
/** Every payload of the citizen API, shared by the elements, the mocks and the demo server. */
export * from './common.js';
export * from './errors.js';
export * from './password-policy.js';
export * from './city-config.js';
export * from './captcha.js';
export * from './account.js';
export * from './session.js';
export * from './franceconnect.js';
export * from './terms.js';
export * from './profile.js';
export * from './household.js';
export * from './requests.js';
export * from './activities.js';
export * from './invoices.js';
export * from './documents.js';
export * from './news.js';
export * from './account-data.js';
