// Live progress of a run (filled in with the staff pages).
