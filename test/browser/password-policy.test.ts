// SPDX-License-Identifier: MIT
import { expect } from '@open-wc/testing';
import { createTranslator } from '../../src/i18n/index.js';
import { CityConfig } from '../../src/schemas/city-config.js';
import { demoConfig } from '../../src/mocks/data.js';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_POLICY_PRESETS,
  PasswordPolicy,
  describePasswordPolicy,
  passwordRules,
  passwordSchema,
} from '../../src/schemas/password-policy.js';

const fr = createTranslator('fr');
const en = createTranslator('en');
/** Seed 001's city: 8 characters, 1 lowercase, 1 digit. */
const premium = PasswordPolicy.parse({ minLength: 8, minLowercase: 1, minDigits: 1 });

/** The codes of every failed rule, in order. */
function codes(schema: ReturnType<typeof passwordSchema>, password: unknown): string[] {
  const result = schema.safeParse(password);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe('password policy', () => {
  describe('describePasswordPolicy', () => {
    it("writes seed 001's sentence word for word", () => {
      expect(describePasswordPolicy(premium, fr)).to.equal(
        'Le mot de passe doit contenir au minimum 8 caractère(s) dont au moins : 1 minuscule(s), 1 chiffre(s)',
      );
    });

    it('lists the legacy preset (Arras, seed 000) in the seeds’ order', () => {
      expect(describePasswordPolicy(PASSWORD_POLICY_PRESETS.legacy, fr)).to.equal(
        'Le mot de passe doit contenir au minimum 8 caractère(s) dont au moins : 1 minuscule(s), 1 majuscule(s), 1 chiffre(s)',
      );
    });

    it('says only the length when there are no composition rules', () => {
      expect(describePasswordPolicy(PASSWORD_POLICY_PRESETS.recommended, fr)).to.equal(
        'Le mot de passe doit contenir au minimum 12 caractère(s)',
      );
    });

    it('speaks English', () => {
      expect(describePasswordPolicy(premium, en)).to.equal(
        'The password must contain at least 8 character(s) including at least: 1 lowercase letter(s), 1 digit(s)',
      );
    });
  });

  describe('passwordSchema', () => {
    it('names each unmet rule with its code', () => {
      const legacy = passwordSchema(PASSWORD_POLICY_PRESETS.legacy);
      expect(codes(legacy, '')).to.include('required');
      expect(codes(legacy, 'abc')).to.deep.equal(['password_length', 'password_uppercase', 'password_digits']);
      expect(codes(legacy, 'abcdefgh')).to.deep.equal(['password_uppercase', 'password_digits']);
      expect(codes(legacy, 'Abcdefg1')).to.deep.equal([]);
      expect(codes(passwordSchema(premium), 'ABCDEFG1')).to.deep.equal(['password_lowercase']);
      expect(codes(legacy, 42)).to.deep.equal(['required']);
    });

    it('counts characters as the citizen sees them, not UTF-16 units', () => {
      const policy = PasswordPolicy.parse({ minLength: 8 });
      expect(codes(passwordSchema(policy), 'éàèùçôîë')).to.deep.equal([]);
      expect(codes(passwordSchema(policy), '😀😀😀😀')).to.deep.equal(['password_length']);
    });

    it('bounds the length', () => {
      const schema = passwordSchema(PASSWORD_POLICY_PRESETS.recommended);
      expect(codes(schema, 'a'.repeat(PASSWORD_MAX_LENGTH))).to.deep.equal([]);
      expect(codes(schema, 'a'.repeat(PASSWORD_MAX_LENGTH + 1))).to.deep.equal(['password_too_long']);
    });

    it('refuses the name, username or city in the password, accents and case aside', () => {
      const schema = passwordSchema(PASSWORD_POLICY_PRESETS.recommended, {
        username: 'marie.dupont',
        names: ['Marie', 'Dupont'],
        city: 'Ville de Démo',
      });
      expect(codes(schema, 'cheval-DUPONT-2026')).to.deep.equal(['password_personal_info']);
      expect(codes(schema, 'cheval-ville-demo!')).to.deep.equal(['password_personal_info']);
      expect(codes(schema, 'cheval-agrafe-correct')).to.deep.equal([]);
      const allowed = passwordSchema({ ...PASSWORD_POLICY_PRESETS.recommended, forbidPersonalInfo: false }, { names: ['Dupont'] });
      expect(codes(allowed, 'cheval-DUPONT-2026')).to.deep.equal([]);
    });

    it('lists the rules a checklist shows', () => {
      expect(passwordRules(premium).map((rule) => `${rule.id}:${rule.count}`)).to.deep.equal(['length:8', 'lowercase:1', 'digits:1']);
    });
  });

  describe('PasswordPolicy and CityConfig', () => {
    it('refuses policies under 8 characters', () => {
      const result = PasswordPolicy.safeParse({ minLength: 6 });
      expect(result.success).to.be.false;
      expect(result.error!.issues[0]!.message).to.equal('policy_too_weak');
    });

    it('allows short passwords only with login throttling (CNIL 2022-100)', () => {
      const short = { ...demoConfig, passwordPolicy: premium };
      expect(CityConfig.safeParse(short).success).to.be.true;
      const result = CityConfig.safeParse({ ...short, loginThrottling: false });
      expect(result.success).to.be.false;
      expect(result.error!.issues[0]).to.include({ message: 'policy_requires_throttling' });
      expect(CityConfig.safeParse({ ...demoConfig, loginThrottling: false }).success).to.be.true;
    });
  });
});
