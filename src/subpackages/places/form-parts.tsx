/** A vocabulary ({ id, name }: kinds, regions…) as the choices of ChoiceChips. */
export const choicesOf = <T extends string>(options: readonly { id: T; name: string }[]) =>
  options.map((o) => ({ value: o.id, label: o.name }));
