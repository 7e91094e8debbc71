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
        // The diagram library's script is loaded for the designer's canvas (see ZBlazorDiagrams below), not by every
        // page: the console's live pages are open for hours and need none of it.
        ensureDiagrams() {
            const preloaded = document.querySelector('link[data-diagrams-script]');
            diagramsLoading ??= loadScript(preloaded ? preloaded.href : '_content/Z.Blazor.Diagrams/script.min.js').then(() => true);
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

// The diagram library's calls, answerable before its script is here: the canvas is drawn in the same render as the
// rest of the page, and its first calls (measure the canvas, watch its size) come right after. Measuring is the
// browser's own; watching waits for the script, which the designer page preloads and only pages with a canvas load
// (it watches every change to the page). Once loaded, the script's own object replaces this one.
window.ZBlazorDiagrams ??= {
    getBoundingClientRect: element => element.getBoundingClientRect(),
    observe: (element, reference, id) => window.coDesigner.ensureDiagrams().then(() => window.ZBlazorDiagrams.observe(element, reference, id)),
    unobserve: (element, id) => window.coDesigner.ensureDiagrams().then(() => window.ZBlazorDiagrams.unobserve(element, id))
};

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

// PNG export: the SVG the server draws, rasterised by the browser itself (no image library on the server), at twice
// its size for sharp text, kept within the largest canvas browsers allow.
window.coDesigner.downloadPng = async (fileName, svgText) => {
    const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
    try {
        const image = new Image();
        await new Promise((resolve, reject) => {
            image.onload = resolve;
            image.onerror = () => reject(new Error('the drawing could not be read as an image'));
            image.src = url;
        });
        const scale = Math.min(2, 16000 / Math.max(image.width, image.height, 1));
        const canvas = document.createElement('canvas');
        canvas.width = Math.ceil(image.width * scale);
        canvas.height = Math.ceil(image.height * scale);
        const context = canvas.getContext('2d');
        context.fillStyle = '#ffffff';
        context.fillRect(0, 0, canvas.width, canvas.height);
        context.scale(scale, scale);
        context.drawImage(image, 0, 0);
        const png = await new Promise(resolve => canvas.toBlob(resolve, 'image/png'));
        const link = document.createElement('a');
        const pngUrl = URL.createObjectURL(png);
        link.href = pngUrl;
        link.download = fileName;
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(pngUrl), 1000);
    } finally {
        URL.revokeObjectURL(url);
    }
};

// Keyboard shortcuts of the designer page (Delete is the diagram library's own). Keys typed into a field, a select or
// the expression editor stay theirs, and Ctrl+C with text selected on the page copies the text as usual.
window.coDesigner.registerShortcuts = page => {
    const handler = event => {
        const target = event.target;
        if (target instanceof Element && target.closest('input, textarea, select, [contenteditable="true"], .monaco-editor')) {
            return;
        }

        const ctrl = event.ctrlKey || event.metaKey;
        if (!ctrl || event.altKey) {
            return;
        }

        const key = event.key.toLowerCase();
        let action = null;
        if (key === 'z') {
            action = event.shiftKey ? 'redo' : 'undo';
        } else if (key === 'y') {
            action = 'redo';
        } else if (key === 'c' && !event.shiftKey && (window.getSelection()?.toString() ?? '') === '') {
            action = 'copy';
        } else if (key === 'v' && !event.shiftKey) {
            action = 'paste';
        } else if (key === 's' && !event.shiftKey) {
            action = 'save';
        }

        if (action) {
            event.preventDefault();
            page.invokeMethodAsync('OnShortcut', action);
        }
    };
    document.addEventListener('keydown', handler);
    return { dispose: () => document.removeEventListener('keydown', handler) };
};

// The parse error of an expression (found on the server by the engine's parser), marked in its editor; null clears it.
window.coDesigner.setSyntaxError = (editorId, error) => {
    if (!window.monaco) {
        return;
    }

    const editor = monaco.editor.getEditors().find(e => e.getContainerDomNode().closest('[id="' + editorId + '"]') || e.getContainerDomNode().querySelector('[id="' + editorId + '"]'));
    const model = editor?.getModel();
    if (!model) {
        return;
    }

    const markers = error ? [{
        severity: monaco.MarkerSeverity.Error,
        message: error.message,
        startLineNumber: error.line,
        startColumn: error.column,
        endLineNumber: error.line,
        endColumn: Math.max(error.column + 1, model.getLineMaxColumn(error.line))
    }] : [];
    monaco.editor.setModelMarkers(model, 'changeorchestrator', markers);
};

// Where the diagram's canvas is on the page now: panels opened above it move it without resizing it, which the
// diagram library (watching its size only) would not notice, and a drop would land that far off.
window.coDesigner.canvasRect = () => {
    const canvas = document.querySelector('.co-canvas .diagram-canvas');
    if (!canvas) {
        return null;
    }

    const rect = canvas.getBoundingClientRect();
    return { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
};

// Where each activity's ports sit within its card, all activities in one call: the diagram library would otherwise
// measure every port with a call of its own (and watch every card for resizes), hundreds of round trips for a large
// workflow. Offsets are from the card's top-left corner, in canvas units (the zoom taken out). Only the activities
// named are measured, or all when none are named.
window.coDesigner.measureNodes = ids => {
    const wanted = ids && ids.length ? new Set(ids) : null;
    const result = [];
    for (const node of document.querySelectorAll('.diagram-html-layer > [data-node-id]')) {
        const id = node.getAttribute('data-node-id');
        if (wanted && !wanted.has(id)) {
            continue;
        }

        // Tenths of a pixel are plenty, and keep the answer small (about 0.4 KiB a card).
        const box = node.getBoundingClientRect();
        const scale = node.offsetWidth > 0 ? box.width / node.offsetWidth : 1;
        const round = v => Math.round(v / scale * 10) / 10;
        const ports = [];
        for (const port of node.querySelectorAll('[data-port-id]')) {
            const at = port.getBoundingClientRect();
            ports.push({ id: port.getAttribute('data-port-id'), x: round(at.left - box.left), y: round(at.top - box.top), width: round(at.width), height: round(at.height) });
        }

        result.push({ id, width: round(box.width), height: round(box.height), ports });
    }

    return result;
};
