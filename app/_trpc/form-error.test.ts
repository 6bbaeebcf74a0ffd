// Protects which message a form shows above its fields after a failed call.
import { describe, expect, it } from "vitest";
import { formError } from "./form-error";

describe("formError", () => {
  it("shows the server's message when no field carries it", () => {
    expect(formError({ message: "Nenhuma conta de SMS ativa.", data: { fieldErrors: null } }, "Falhou.")).toBe("Nenhuma conta de SMS ativa.");
    expect(formError({ message: "Nenhuma conta de SMS ativa.", data: { fieldErrors: {} } }, "Falhou.")).toBe("Nenhuma conta de SMS ativa.");
  });

  it("shows nothing above the form when the fields show the messages", () => {
    expect(formError({ message: "Informe o nome.", data: { fieldErrors: { name: "Informe o nome." } } }, "Falhou.")).toBeNull();
  });

  it("shows the fallback when the request itself failed, and nothing without an error", () => {
    expect(formError({ message: "Failed to fetch" }, "Não foi possível salvar.")).toBe("Não foi possível salvar.");
    expect(formError(null, "Falhou.")).toBeNull();
  });
});
