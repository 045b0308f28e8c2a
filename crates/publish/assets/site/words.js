// The words of a text as the catalogue's search index makes them, so the published site's
// offline catalogue finds what the platform's search finds: split on anything not a letter or
// digit, tokens of 40 bytes or more dropped, lowercased, accents folded, then stemmed with the
// page language's Snowball stemmer (stem-<lang>.js); French drops its plural mark first.
var SiteWords = (function () {
  "use strict";
  var LONGEST = 40;
  // Letters that do not decompose into a letter and accents.
  var LETTERS = { "æ": "ae", "œ": "oe", "ß": "ss", "ø": "o", "đ": "d", "ł": "l", "þ": "th", "ð": "d", "ı": "i", "ŀ": "l", "ĳ": "ij" };
  var encoder = typeof TextEncoder === "function" ? new TextEncoder() : null;

  function bytes(token) {
    return encoder ? encoder.encode(token).length : unescape(encodeURIComponent(token)).length;
  }

  function fold(word) {
    return word.normalize("NFKD").replace(/\p{M}/gu, "").replace(/[^\x00-\x7f]/g, function (c) {
      return LETTERS[c] || c;
    });
  }

  // A French plural's singular: a final s (not ss) or x (not -aux, but -eaux) of a word of four
  // letters or more.
  function singular(word) {
    var s = /s$/.test(word) && !/ss$/.test(word);
    var x = /x$/.test(word) && (!/aux$/.test(word) || /eaux$/.test(word));
    return word.length >= 4 && (s || x) ? word.slice(0, -1) : word;
  }

  // The analyser of a language: text in, one { stem, plain } per word out.
  function make(lang, Stemmer) {
    var stemmer = Stemmer ? new Stemmer() : null;
    return function (text) {
      var out = [];
      text.split(/[^\p{Alphabetic}\p{N}]+/u).forEach(function (token) {
        if (!token || bytes(token) >= LONGEST) return;
        var plain = fold(token.toLowerCase());
        var stem = plain;
        if (stemmer) stem = stemmer.stemWord(lang === "fr" ? singular(plain) : plain);
        out.push({ stem: stem, plain: plain });
      });
      return out;
    };
  }

  return { make: make };
})();
