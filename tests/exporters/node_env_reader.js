// Prints, as JSON {name: base64 of the UTF-8 bytes}, the variables a Node reader produced.
//   node node_env_reader.js npm FILE     -> require('dotenv').parse(FILE), the npm package from
//                                           $SECRETDESK_NODE_READERS/node_modules
//   node --env-file=FILE node_env_reader.js node PREFIX
//                                        -> process.env entries starting with PREFIX
//   node node_env_reader.js json FILE    -> JSON.parse(FILE), an object of strings
//   node node_env_reader.js npm-each FILE...  -> {FILE: what npm dotenv reads from it}
//   node node_env_reader.js node-each FILE... -> {FILE: util.parseEnv(FILE)}: node's own C++ parser,
//                                           the one --env-file uses, so many files need one process
'use strict'
const fs = require('fs')
const path = require('path')

function encode (entries) {
  const out = {}
  for (const [k, v] of entries) out[k] = Buffer.from(v, 'utf8').toString('base64')
  return out
}

const mode = process.argv[2]
let entries
if (mode === 'npm') {
  const root = process.env.SECRETDESK_NODE_READERS
  const dotenv = require(path.join(root, 'node_modules', 'dotenv'))
  entries = Object.entries(dotenv.parse(fs.readFileSync(process.argv[3])))
} else if (mode === 'node') {
  const prefix = process.argv[3]
  entries = Object.entries(process.env).filter(([k]) => k.startsWith(prefix))
} else if (mode === 'json') {
  entries = Object.entries(JSON.parse(fs.readFileSync(process.argv[3], 'utf8')))
} else if (mode === 'npm-each' || mode === 'node-each') {
  const parse = mode === 'npm-each'
    ? require(path.join(process.env.SECRETDESK_NODE_READERS, 'node_modules', 'dotenv')).parse
    : require('util').parseEnv
  const out = {}
  for (const file of process.argv.slice(3)) {
    out[file] = encode(Object.entries(parse(fs.readFileSync(file, mode === 'npm-each' ? undefined : 'utf8'))))
  }
  process.stdout.write(JSON.stringify(out))
  process.exit(0)
} else {
  process.stderr.write('usage: node_env_reader.js npm FILE | node PREFIX | json FILE | npm-each FILE... | node-each FILE...\n')
  process.exit(2)
}
process.stdout.write(JSON.stringify(encode(entries)))
