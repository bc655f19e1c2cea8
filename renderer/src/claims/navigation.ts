import { createContext, useContext } from 'react';

/** Where a claim opens: the Claims view, at the claim's page. The app provides it; any view may use it. */
export interface ClaimNavigation {
  openClaim(id: number): void;
}

export const ClaimNavigationContext = createContext<ClaimNavigation | null>(null);

/** `openClaim(id)`: shows the claim's page (from the reader, the palette, a link, the graph). */
export function useOpenClaim(): (id: number) => void {
  const navigation = useContext(ClaimNavigationContext);
  if (!navigation) throw new Error('useOpenClaim needs the app’s ClaimNavigationContext');
  return navigation.openClaim;
}
