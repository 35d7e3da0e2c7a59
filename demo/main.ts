// The demo page loads the elements from the sources (Vite serves and hot-reloads them).
import '../src/index.js';
