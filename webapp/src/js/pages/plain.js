// Pages with no behaviour of their own beyond the shell.
import '../shell.js';
