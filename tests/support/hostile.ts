/** Values people can type or have as a profile name that break HTML a bot forgets to escape. */
export const HOSTILE_VALUES = ["<b>", "&", "<3", "</i>", '"', "<", "Ani & Budi <3", "<b>Rina", "a &amp; b", "&#0;"];
