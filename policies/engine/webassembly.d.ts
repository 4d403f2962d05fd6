// The slice of the WebAssembly JS API the engine uses. Node provides it at runtime; the
// TypeScript declarations live in lib.dom, which a Node project should not pull in.
export {};

declare global {
  namespace WebAssembly {
    interface Module {
      readonly __brand?: "WebAssembly.Module";
    }
    function compile(bytes: Uint8Array): Promise<Module>;
  }
}
