// The designer's few browser-side helpers: file download, loading the diagram library and the expression editor on
// demand (the rest of the console does not pay for them), and the completions the expression editor offers.
window.coDesigner = (() => {
    let monacoLoading = null;
    let diagramsLoading = null;
    let completions = [];

    function loadScript(src) {
        return new Promise((resolve, reject) => {
            const script = document.createElement('script');
            script.src = src;
            script.onload = () => resolve();
            script.onerror = () => reject(new Error('could not load ' + src));
            document.head.appendChild(script);
        });
    }

    function registerCompletions() {
        monaco.languages.registerCompletionItemProvider('javascript', {
            triggerCharacters: ['.'],
            provideCompletionItems(model, position) {
                const before = model.getLineContent(position.lineNumber).substring(0, position.column - 1);
                const match = /[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\.?$/.exec(before);
                const prefix = match ? match[0] : '';
                const range = {
                    startLineNumber: position.lineNumber, endLineNumber: position.lineNumber,
                    startColumn: position.column - prefix.length, endColumn: position.column
                };
                const suggestions = completions
                    .filter(c => c.label.startsWith(prefix))
                    .map(c => ({
                        label: c.label,
                        kind: monaco.languages.CompletionItemKind.Variable,
                        detail: c.detail || '',
                        documentation: c.documentation || '',
                        insertText: c.label,
                        range
                    }));
                return { suggestions };
            }
        });
    }

    return {
        // The diagram library's script is loaded by the designer page that draws with it, not by every page: the
        // console's live pages are open for hours and need none of it.
        ensureDiagrams() {
            diagramsLoading ??= loadScript('_content/Z.Blazor.Diagrams/script.min.js').then(() => true);
            return diagramsLoading;
        },

        download(fileName, mimeType, text) {
            const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
            const link = document.createElement('a');
            link.href = url;
            link.download = fileName;
            document.body.appendChild(link);
            link.click();
            link.remove();
            setTimeout(() => URL.revokeObjectURL(url), 1000);
        },

        ensureMonaco() {
            monacoLoading ??= (async () => {
                await loadScript('_content/BlazorMonaco/jsInterop.js');
                await loadScript('_content/BlazorMonaco/lib/monaco-editor/min/vs/loader.js');
                await new Promise(resolve => window.require(['vs/editor/editor.main'], resolve));
                registerCompletions();
                return true;
            })();
            return monacoLoading;
        },

        setCompletions(items) {
            completions = items || [];
        }
    };
})();

window.coDesigner.focus = id => {
    const element = document.getElementById(id);
    if (element) {
        element.scrollIntoView({ block: 'nearest' });
        element.focus();
    }
};

// Copied activities live in the browser's storage: they survive moving to another workflow, a reload or another tab.
window.coDesigner.clipboardWrite = text => localStorage.setItem('changeorchestrator.designer.clipboard', text);
window.coDesigner.clipboardRead = () => localStorage.getItem('changeorchestrator.designer.clipboard');
