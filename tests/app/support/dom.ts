import { fireEvent, waitFor } from '@testing-library/react';

/** The native <input> inside a Taro <Input> web component, once it has rendered. */
export const nativeInput = (container: HTMLElement, selector: string) =>
  waitFor(() => {
    const input = container.querySelector(`${selector} input`);
    if (!input) throw new Error(`no input rendered in ${selector}`);
    return input as HTMLInputElement;
  });

/** Types into a Taro <Input> the way a person does: the component reports it through onInput. */
export async function typeInto(container: HTMLElement, selector: string, value: string) {
  const input = await nativeInput(container, selector);
  input.value = value;
  fireEvent.input(input);
}
