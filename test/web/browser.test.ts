// What only the browser has to prove: placeholder, filled below.
