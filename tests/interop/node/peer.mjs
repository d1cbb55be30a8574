// SPDX-License-Identifier: Apache-2.0
// panva/jose (pinned in package-lock.json) as an interoperability peer, driven by ../interop_jose.py.
//
//   node peer.mjs versions
//   node peer.mjs keygen CASE DIR    fresh keys from node:crypto: DIR/secret.hex (HS*) or DIR/private.der (PKCS#8
//                                    DER) plus DIR/public.jwks (the public JWK with kid/alg/use, after a decoy key)
//   node peer.mjs sign CASE DIR      payload JSON on stdin -> compact JWS on stdout (protected header alg, kid, typ)
//   node peer.mjs verify CASE DIR    token on stdin -> "ok" and exit 0, or "<jose error code>: <message>" and exit 1
//   node peer.mjs serve              the same operations as JSON lines, so one Node process serves a whole run:
//                                    {"op":"keygen|sign|verify","case":..,"dir":..,"input":..} ->
//                                    {"status":0|1|3,"output":..}
//
// CASE is a JWS alg name, or "EdDSA:Ed25519" / "EdDSA:Ed448" where the curve matters.
import { createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { SignJWT, createLocalJWKSet, jwtVerify } from 'jose';

const ISSUER = 'https://interop.assay.test';
const AUDIENCE = 'assay-interop';

function keyTypeFor(alg, curve) {
    if (alg.startsWith('RS') || alg.startsWith('PS')) return ['rsa', { modulusLength: 2048 }];
    const curves = { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521', ES256K: 'secp256k1' };
    if (curves[alg]) return ['ec', { namedCurve: curves[alg] }];
    if (alg === 'EdDSA') return [curve.toLowerCase(), {}];
    throw new Error(`unsupported case ${alg}:${curve}`);
}

function kidFor(testCase) {
    return `jose-${testCase.replace(':', '-')}`;
}

function keygen(testCase, dir) {
    const [alg, curve] = testCase.split(':');
    if (alg.startsWith('HS')) {
        writeFileSync(join(dir, 'secret.hex'), randomBytes(64).toString('hex'));
        return;
    }
    const [type, options] = keyTypeFor(alg, curve);
    const pair = generateKeyPairSync(type, options);
    const decoy = generateKeyPairSync(type, options);
    writeFileSync(join(dir, 'private.der'), pair.privateKey.export({ format: 'der', type: 'pkcs8' }));
    const jwk = (key, kid) => ({ ...key.export({ format: 'jwk' }), kid, alg, use: 'sig' });
    const jwks = { keys: [jwk(decoy.publicKey, `${kidFor(testCase)}-decoy`), jwk(pair.publicKey, kidFor(testCase))] };
    writeFileSync(join(dir, 'public.jwks'), JSON.stringify(jwks));
}

async function sign(testCase, dir, payloadText) {
    const alg = testCase.split(':')[0];
    const key = alg.startsWith('HS')
        ? Buffer.from(readFileSync(join(dir, 'secret.hex'), 'ascii').trim(), 'hex')
        : createPrivateKey({ key: readFileSync(join(dir, 'private.der')), format: 'der', type: 'pkcs8' });
    return new SignJWT(JSON.parse(payloadText))
        .setProtectedHeader({ alg, kid: kidFor(testCase), typ: 'JWT' })
        .sign(key);
}

async function verify(testCase, dir, token) {
    const alg = testCase.split(':')[0];
    const key = alg.startsWith('HS')
        ? Buffer.from(readFileSync(join(dir, 'secret.hex'), 'ascii').trim(), 'hex')
        : createLocalJWKSet(JSON.parse(readFileSync(join(dir, 'public.jwks'), 'utf8')));
    await jwtVerify(token, key, { algorithms: [alg], issuer: ISSUER, audience: AUDIENCE });
}

// One operation; returns [status, output] with status 0 (done / accepted) or 1 (jose rejected the token).
async function run(op, testCase, dir, input) {
    switch (op) {
    case 'keygen':
        keygen(testCase, dir);
        return [0, ''];
    case 'sign':
        return [0, await sign(testCase, dir, input)];
    case 'verify':
        try {
            await verify(testCase, dir, input.trim());
        } catch (err) {
            if (err.code === undefined) throw err;  // not a jose verdict: a bug in this peer, reported as such
            return [1, `${err.code}: ${err.message}`];
        }
        return [0, 'ok'];
    default:
        throw new Error(`unknown operation ${op}`);
    }
}

async function serve() {
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of lines) {
        if (!line.trim()) continue;
        let reply;
        try {
            const request = JSON.parse(line);
            const [status, output] = await run(request.op, request.case, request.dir, request.input ?? '');
            reply = { status, output };
        } catch (err) {
            reply = { status: 3, output: `${err.stack ?? err}` };
        }
        process.stdout.write(`${JSON.stringify(reply)}\n`);
    }
    return 0;
}

function readStdin() {
    return readFileSync(0, 'utf8');
}

async function main(argv) {
    const [command, testCase, dir] = argv;
    switch (command) {
    case 'versions': {
        const require = createRequire(import.meta.url);
        const joseVersion = require('jose/package.json').version;
        const { node, openssl } = process.versions;
        process.stdout.write(`node ${node}, jose ${joseVersion}, OpenSSL ${openssl}\n`);
        return 0;
    }
    case 'serve':
        return serve();
    case 'keygen':
    case 'sign':
    case 'verify': {
        const [status, output] = await run(command, testCase, dir, command === 'keygen' ? '' : readStdin());
        if (output) process.stdout.write(`${output}\n`);
        return status;
    }
    default:
        process.stderr.write('usage: peer.mjs versions | serve | keygen|sign|verify CASE DIR\n');
        return 2;
    }
}

main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (err) => { process.stderr.write(`${err.stack ?? err}\n`); process.exitCode = 3; });
