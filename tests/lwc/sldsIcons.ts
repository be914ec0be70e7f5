/**
 * Test helper: the path of an SLDS icon (`utility:lock`, `standard:data_mapping`) as the SLDS assets draw it, for the
 * components that draw SLDS icons as markup instead of through lightning-icon.
 */
import { readFileSync } from 'node:fs';

export function sldsIconPath(name: string): string | undefined {
  const [category, icon] = name.split(':');
  const file = require.resolve(`@salesforce-ux/design-system/assets/icons/${category}/${icon}.svg`);
  return / d="([^"]+)"/.exec(readFileSync(file, 'utf8'))?.[1];
}

/** Every icon drawn as markup under `root` (`[data-icon]`): its name, whether it is hidden, and whether its path is SLDS's. */
export function markupIcons(root: ParentNode): { name: string; hidden: boolean; sldsPath: boolean }[] {
  return Array.from(root.querySelectorAll<Element>('[data-icon]')).map((icon) => {
    const name = icon.getAttribute('data-icon') ?? '';
    const svg = icon.tagName.toLowerCase() === 'svg' ? icon : icon.querySelector('svg');
    return {
      name,
      hidden: svg?.getAttribute('aria-hidden') === 'true',
      sldsPath: !!svg && svg.querySelector('path')?.getAttribute('d') === sldsIconPath(name)
    };
  });
}
