// SPDX-License-Identifier: MIT
/** Texts of `<citizen-service-keys-panel>`. */
import type { TextPart } from '../part.js';

const fr = {
  'dashboard.services.intro': "Vous avez la possibilité de saisir les clés d'accès à différents services proposés sur le portail.",
  'dashboard.services.intro2': "La clé d'accès à un service vous est fournie par ce dernier si vous y êtes connu.",
  'dashboard.services.intro3': "Cette saisie vous permet d'accéder à l'ensemble des démarches et publications fournies par le service.",
  'dashboard.services.keyHeading': 'Service clé – {service}',
  'dashboard.services.keyHint':
    'Saisissez-la comme elle figure sur le courrier de la mairie ; les espaces, les tirets et les majuscules ne comptent pas.',
  'dashboard.services.submit': 'Valider la clé',
  'dashboard.services.submitting': 'Vérification de la clé…',
  'dashboard.services.required': 'Saisissez la clé reçue de la mairie',
  'dashboard.services.unknown': "Cette clé n'est pas reconnue : vérifiez-la sur le courrier reçu de la mairie",
  'dashboard.services.validated': 'Votre {label} a été validée : la rubrique « Ma famille » est maintenant disponible.',
  'dashboard.services.linked': '{label} validée : vous accédez aux démarches et publications du service.',
  'dashboard.services.linkedOn': '{label} validée le {date} : vous accédez aux démarches et publications du service.',
  'dashboard.services.none': "Votre ville ne propose pas de service accessible par une clé.",
  'dashboard.services.loadError': "Vos services n'ont pas pu être chargés.",
};

export const serviceKeysTexts: TextPart<keyof typeof fr> = {
  fr,
  en: {
    'dashboard.services.intro': 'You can enter the access keys of the services offered on the portal.',
    'dashboard.services.intro2': 'A service gives you its access key if it knows you.',
    'dashboard.services.intro3': 'Entering it gives you access to all the requests and publications of that service.',
    'dashboard.services.keyHeading': 'Service key – {service}',
    'dashboard.services.keyHint': 'Type it as printed on the letter from the town hall; spaces, dashes and capitals do not matter.',
    'dashboard.services.submit': 'Confirm the key',
    'dashboard.services.submitting': 'Checking the key…',
    'dashboard.services.required': 'Enter the key the town hall sent you',
    'dashboard.services.unknown': 'This key is not recognised: check it against the letter from the town hall',
    'dashboard.services.validated': 'Your {label} has been confirmed: the “My family” section is now available.',
    'dashboard.services.linked': '{label} confirmed: you have access to the requests and publications of the service.',
    'dashboard.services.linkedOn': '{label} confirmed on {date}: you have access to the requests and publications of the service.',
    'dashboard.services.none': 'Your town offers no service opened by a key.',
    'dashboard.services.loadError': 'Your services could not be loaded.',
  },
};
