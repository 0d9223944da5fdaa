// Builds dist/harbour.min.css and dist/harbour.min.js from src/ with nothing but node:
// the theme needs no registry to build, which keeps the example installable offline.
'use strict';

const fs = require('fs');
const path = require('path');

const source = path.join(__dirname, 'src');
const output = path.join(__dirname, 'dist');

function minifyCss(css) {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{}:;,>])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
}

// Conservative on purpose: drops comments and indentation but keeps line breaks, so that
// automatic semicolon insertion still sees the same statements.
function minifyJs(js) {
  return js
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('//'))
    .join('\n');
}

function bundle(extension, minify) {
  const files = fs.readdirSync(source).filter((name) => name.endsWith(extension)).sort();
  const text = files.map((name) => fs.readFileSync(path.join(source, name), 'utf8')).join('\n');
  const target = path.join(output, 'harbour.min' + extension);
  fs.writeFileSync(target, minify(text) + '\n');
  console.log('harbour: wrote ' + path.relative(__dirname, target) + ' from ' + files.length + ' file(s)');
}

fs.mkdirSync(output, { recursive: true });
bundle('.css', minifyCss);
bundle('.js', minifyJs);
