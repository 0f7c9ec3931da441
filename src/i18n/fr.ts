// SPDX-License-Identifier: MIT
/**
 * French catalog: the default language, and the reference for the keys. Labels are the
 * seeds' labels. Error codes from the API (src/schemas/errors.ts) are keys under `error.`,
 * field error codes under `field.`.
 */
export const fr = {
  'civility.M': 'Monsieur',
  'civility.MME': 'Madame',
  'common.errorPrefix': 'Erreur :',
  'common.loading': 'Chargement…',
  'common.errorSummary': 'Le formulaire contient des erreurs',
  'common.showPassword': 'Afficher le mot de passe',
  'common.hidePassword': 'Masquer le mot de passe',
  'common.passwordShown': 'Le mot de passe est affiché.',
  'common.passwordHidden': 'Le mot de passe est masqué.',

  'policy.intro': 'Le mot de passe doit contenir au minimum {count} caractère(s)',
  'policy.introWithRules': 'Le mot de passe doit contenir au minimum {count} caractère(s) dont au moins : {rules}',
  'policy.rule.length': '{count} caractère(s)',
  'policy.rule.lowercase': '{count} minuscule(s)',
  'policy.rule.uppercase': '{count} majuscule(s)',
  'policy.rule.digits': '{count} chiffre(s)',
  'policy.rule.special': '{count} caractère(s) spécial(aux)',

  'login.heading': 'Mon espace perso',
  'login.username': "Nom d'utilisateur",
  'login.usernameHint': 'Ou votre adresse de courriel.',
  'login.password': 'Mot de passe',
  'login.submit': 'Connexion',
  'login.submitting': 'Connexion en cours…',
  'login.forgotPassword': "J'ai oublié mon mot de passe",
  'login.greeting': 'Bonjour {civility} {name}',
  'login.lastLogin': 'Dernière connexion le {date} à {time}',
  'login.firstLogin': 'Ceci est votre première connexion.',
  'login.logout': 'Se déconnecter',
  'login.loggingOut': 'Déconnexion…',
  'login.loggedOut': 'Vous êtes déconnecté.',
  'login.identifier.required': "Saisissez votre nom d'utilisateur ou votre adresse de courriel",
  'login.password.required': 'Saisissez votre mot de passe',

  'cgu.heading': "Conditions générales d'utilisation",
  'cgu.intro':
    'Pour utiliser les services proposés, veuillez prendre connaissance des CGU ci-dessous et les accepter en fin de document.',
  'cgu.version': 'Version {version} du {date}',
  'cgu.newVersion':
    "Les conditions générales d'utilisation ont changé depuis votre acceptation du {date} : prenez connaissance de la nouvelle version et acceptez-la pour continuer.",
  'cgu.changed':
    "Les conditions générales d'utilisation ont été modifiées entre-temps. Lisez la nouvelle version ci-dessous avant de l'accepter.",
  'cgu.region': "Texte des conditions générales d'utilisation",
  'cgu.endOfText': 'Fin du document',
  'cgu.hint': "Faites défiler le texte jusqu'à la fin pour pouvoir accepter",
  'cgu.hintDone': "Vous avez parcouru le texte jusqu'à la fin : vous pouvez accepter.",
  'cgu.reachedEnd':
    "Fin du texte atteinte : le bouton « J'accepte les conditions générales d'utilisation » est maintenant actif.",
  'cgu.accept': "J'accepte les conditions générales d'utilisation",
  'cgu.accepting': 'Enregistrement de votre acceptation…',
  'cgu.accepted': "Vous avez accepté les conditions générales d'utilisation.",
  'cgu.print': 'Imprimer ou enregistrer en PDF',
  'cgu.loginRequired': 'Connectez-vous à votre espace pour accéder à ce contenu.',
  'cgu.login': 'Se connecter',
  'cgu.loadError': "Les conditions générales d'utilisation n'ont pas pu être chargées.",
  'cgu.retry': 'Réessayer',

  'error.invalid_credentials': 'Identifiant ou mot de passe incorrect',
  'error.too_many_attempts': 'Trop de tentatives : réessayez dans {minutes} minute(s).',
  'error.too_many_attempts_seconds': 'Trop de tentatives : réessayez dans {seconds} seconde(s).',
  'error.too_many_attempts_later': 'Trop de tentatives : réessayez plus tard.',
  'error.account_not_active':
    "Votre espace n'est pas encore activé : suivez le lien reçu par courriel, ou attendez son activation par les services municipaux.",
  'error.network_error': 'Le service est injoignable. Vérifiez votre connexion puis réessayez.',
  'error.server_error': 'Une erreur est survenue de notre côté. Réessayez dans quelques instants.',
  'error.validation_failed': 'Le formulaire contient des erreurs.',
  'error.invalid_json': 'La demande est illisible.',
  'error.payload_too_large': 'La demande est trop volumineuse.',
  'error.unsupported_media_type': "Le format de la demande n'est pas accepté.",
  'error.not_authenticated': 'Veuillez vous connecter.',
  'error.session_expired': 'Votre session a expiré. Veuillez vous reconnecter.',
  'error.password_change_required': 'Vous devez définir un nouveau mot de passe.',
  'error.terms_not_accepted': "Vous devez accepter les conditions générales d'utilisation.",
  'error.forbidden': "Vous n'avez pas accès à cette information.",
  'error.csrf_rejected': 'La demande a été refusée par sécurité. Rechargez la page.',
  'error.not_found': "Cette information n'existe pas ou plus.",
  'error.conflict': 'Cette information a changé entre-temps. Rechargez la page.',
  'error.no_backend': "Ce composant n'est relié à aucun service : ajoutez l'attribut api.",
  'error.token_invalid':
    "Ce lien n'est plus valable : il a déjà servi, a été remplacé par un lien plus récent ou a expiré. Vous pouvez demander un nouveau lien.",

  'field.required': 'Ce champ est obligatoire',
  'field.too_long': 'Ce texte est trop long',
  'field.invalid': "Cette valeur n'est pas valide",
  'field.invalid_email': 'Saisissez une adresse de courriel valide, par exemple nom@exemple.fr',
  'field.invalid_phone': 'Saisissez un numéro de téléphone français, par exemple 01 23 45 67 89',
  'field.invalid_postcode': 'Saisissez un code postal à 5 chiffres',
  'field.invalid_date': 'Saisissez une date valide',
  'field.username_too_short': "Le nom d'utilisateur doit contenir au moins 3 caractères",
  'field.username_invalid': "Le nom d'utilisateur ne peut contenir que des lettres, des chiffres et . _ - @",
  'field.password_too_long': 'Le mot de passe est trop long',
  'field.password_length': 'Le mot de passe est trop court',
  'field.password_lowercase': 'Le mot de passe doit contenir plus de minuscules',
  'field.password_uppercase': 'Le mot de passe doit contenir plus de majuscules',
  'field.password_digits': 'Le mot de passe doit contenir plus de chiffres',
  'field.password_special': 'Le mot de passe doit contenir plus de caractères spéciaux',
  'field.password_personal_info': 'Le mot de passe ne doit pas contenir votre nom, votre identifiant ou le nom de la ville',
  'field.password_common': 'Ce mot de passe est trop courant ou trop facile à deviner',
  'field.username_taken': "Ce nom d'utilisateur est déjà pris : choisissez-en un autre",
  'field.email_taken':
    "Un espace existe déjà avec cette adresse de courriel : connectez-vous, ou utilisez « J'ai oublié mon mot de passe »",
  'field.service_key_unknown':
    "Cette clé n'est pas reconnue : vérifiez-la sur le courrier reçu, ou laissez le champ vide pour la saisir plus tard",
  'field.service_key_mismatch': "Cette clé ouvre le dossier d'une autre famille que vos autres clés : vérifiez-la",
  'field.captcha_failed': 'Le contrôle de sécurité a échoué ou a expiré : un nouveau vous est proposé, recommencez-le',
};

export type MessageKey = keyof typeof fr;
export type Catalog = Record<MessageKey, string>;
