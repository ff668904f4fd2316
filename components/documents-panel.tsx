"use client";
import { type DragEvent, memo, useState } from "react";
import type { DocumentMessage, StoredDocument } from "../hooks/use-documents";
import { DOCUMENT_LIMITS } from "../lib/documents/validate-document";

export const CLASSROOM_FACT = {
  title: "Classroom fact",
  text: "# Classroom fact\n\nThe demo's mascot is a purple heron named Quill, chosen by the class in 2026.",
  question: "What is the demo's mascot called?",
} as const;

export const DocumentsPanel = memo(function DocumentsPanel({
  documents,
  messages,
  onAdd,
  onAddFiles,
  onRemove,
  onScenario,
}: {
  documents: readonly StoredDocument[];
  /** The last action's outcome, one line per document or file. */
  messages: readonly DocumentMessage[];
  onAdd: (title: string, text: string) => Promise<boolean>;
  onAddFiles: (files: File[]) => Promise<void>;
  onRemove: (id: string) => Promise<void>;
  onScenario: () => Promise<void>;
}) {
  const [title, setTitle] = useState("");
  const [text, setText] = useState("");
  const [dragging, setDragging] = useState(false);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void onAddFiles([...event.dataTransfer.files]);
  };

  return (
    <section
      data-testid="documents-panel"
      aria-labelledby="documents-title"
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      className={`rounded-xl border bg-white p-4 shadow-sm ${dragging ? "border-sky-500 ring-2 ring-sky-200" : "border-slate-200"}`}
    >
      <h2 id="documents-title" className="text-lg font-semibold text-slate-900">
        Teach the RAG panel something new
      </h2>
      <p className="mb-3 text-xs text-slate-500">
        Paste text, drop .txt/.md files, or edit a cited passage (up to {DOCUMENT_LIMITS.maxDocuments}{" "}
        documents of {DOCUMENT_LIMITS.maxCharacters.toLocaleString("en")} characters each). The index updates
        in your browser at once; the fine-tuned model learns it only by training (try it alongside). Documents
        stay in this browser.
      </p>
      <div className="flex flex-col gap-2 md:flex-row">
        <div className="flex flex-1 flex-col gap-2">
          <label className="text-xs font-medium text-slate-700" htmlFor="document-title">
            Title
          </label>
          <input
            id="document-title"
            data-testid="document-title"
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            className="rounded border border-slate-300 px-2 py-1 text-sm"
          />
          <label className="text-xs font-medium text-slate-700" htmlFor="document-text">
            Text (Markdown headings and lists are understood)
          </label>
          <textarea
            id="document-text"
            data-testid="document-text"
            value={text}
            onChange={(event) => setText(event.target.value)}
            rows={4}
            className="rounded border border-slate-300 px-2 py-1 text-sm"
          />
          <div className="flex flex-wrap items-center gap-2">
            <button
              type="button"
              data-testid="document-add"
              onClick={async () => {
                if (await onAdd(title, text)) {
                  setTitle("");
                  setText("");
                }
              }}
              className="rounded bg-slate-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-900"
            >
              Add to the index
            </button>
            <label className="cursor-pointer rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50">
              Choose files
              <input
                type="file"
                data-testid="document-files"
                accept={DOCUMENT_LIMITS.fileTypes.join(",")}
                multiple
                className="sr-only"
                onChange={(event) => {
                  void onAddFiles([...(event.target.files ?? [])]);
                  event.target.value = "";
                }}
              />
            </label>
            <button
              type="button"
              data-testid="classroom-scenario"
              onClick={() => void onScenario()}
              className="rounded border border-sky-300 bg-sky-50 px-3 py-1.5 text-sm text-sky-900 hover:bg-sky-100"
            >
              Classroom demo: add a new fact and ask about it
            </button>
          </div>
          {messages.length > 0 && (
            <ul
              data-testid="documents-status"
              aria-live="polite"
              className="flex max-h-48 flex-col gap-0.5 overflow-y-auto text-sm"
            >
              {messages.map((message, index) => (
                <li
                  // biome-ignore lint/suspicious/noArrayIndexKey: one action's messages, in file order
                  key={index}
                  data-testid="documents-message"
                  data-kind={message.kind}
                  className={message.kind === "error" ? "text-red-700" : "text-emerald-700"}
                >
                  {message.text}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="md:w-72">
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Your documents</h3>
          {documents.length === 0 ? (
            <p className="mt-1 text-sm text-slate-500">None yet: the index holds only the article.</p>
          ) : (
            <ul data-testid="documents-list" className="mt-1 flex flex-col gap-1">
              {documents.map((document) => (
                <li
                  key={document.id}
                  data-testid="document-item"
                  className="flex items-center justify-between gap-2 text-sm"
                >
                  <span className="truncate" title={document.title}>
                    {document.title}
                  </span>
                  <button
                    type="button"
                    aria-label={`${document.passageId ? "Undo" : "Remove"} ${document.title}`}
                    onClick={() => void onRemove(document.id)}
                    className="rounded px-1.5 text-xs text-red-700 hover:bg-red-50"
                  >
                    {document.passageId ? "Undo edit" : "Remove"}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
});
