import { skinTruthTests } from './skin-truth-checks.js';

skinTruthTests('17');
