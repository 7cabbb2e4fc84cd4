/**
 * Before `npm test`: the browser tests drive Debian's chromium (`/usr/bin/chromium`, or
 * `CHROMIUM_PATH`); no test downloads a browser build of its own. When it is missing:
 *
 * - as root with apt-get (a fresh Debian machine or container), it is installed here, with the
 *   commands printed before they run;
 * - otherwise the run stops at once with the exact command to type.
 *
 * `SKIP_BROWSER_TESTS=1` skips the check (the browser tests then skip themselves).
 * Plain JavaScript: it runs with bare `node` on a fresh clone. Prints to stderr only.
 *
 * Usage: `node scripts/ensure-chromium.mjs`; exit code 0 when chromium is there (or was
 * installed), 1 otherwise.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where Debian's package puts the browser. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** The commands that install it, as run here and as shown to a user. */
export const INSTALL_COMMANDS = [
  ['apt-get', 'update'],
  ['apt-get', 'install', '-y', 'chromium'],
];

const shown = (commands, sudo) => commands.map((command) => `${sudo ? 'sudo ' : ''}${command.join(' ')}`).join(' && ');

/**
 * What to do, from the facts alone: `ok`, `install` (root, apt-get, and the package puts the
 * browser where the tests look), or `fail` with the message to print.
 *
 * @param {{ chromiumPath: string, present: boolean, isRoot: boolean, hasAptGet: boolean, installTarget?: string }} facts
 * @returns {{ action: 'ok' } | { action: 'install', message: string } | { action: 'fail', message: string }}
 */
export function chromiumDecision({ chromiumPath, present, isRoot, hasAptGet, installTarget = DEBIAN_CHROMIUM }) {
  if (present) return { action: 'ok' };
  const missing = `Thiếu trình duyệt Chromium tại ${chromiumPath} (cần cho kiểm thử giao diện web).`;
  if (path.resolve(chromiumPath) !== path.resolve(installTarget)) {
    return { action: 'fail', message: `${missing}\nCHROMIUM_PATH trỏ tới một tệp không có: sửa CHROMIUM_PATH, hoặc bỏ biến này và chạy: ${shown(INSTALL_COMMANDS, true)}` };
  }
  if (isRoot && hasAptGet) {
    return { action: 'install', message: `${missing}\nĐang cài đặt: ${shown(INSTALL_COMMANDS, false)}` };
  }
  const how = hasAptGet ? shown(INSTALL_COMMANDS, !isRoot) : `${shown(INSTALL_COMMANDS, true)} (trên Debian/Ubuntu; nơi khác, cài Chromium và đặt CHROMIUM_PATH)`;
  return { action: 'fail', message: `${missing}\nHãy chạy lệnh sau rồi chạy lại npm test:\n  ${how}` };
}

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function commandExists(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** Runs the install commands with their output shown; resolves whether all succeeded. */
function runInstall(commands, env) {
  for (const [command, ...args] of commands) {
    process.stderr.write(`$ ${[command, ...args].join(' ')}\n`);
    // stdout of apt-get goes to stderr too: `npm test`'s stdout stays the test reporter's.
    const result = spawnSync(command, args, { stdio: ['ignore', 2, 2], env });
    if (result.status !== 0) return false;
  }
  return true;
}

/**
 * Checks, installs when it can, and says what it did. Every fact and the installer can be
 * injected (tests); by default they are read from this machine.
 *
 * @returns {Promise<number>} the exit code
 */
export async function ensureChromium({
  env = process.env,
  chromiumPath = env.CHROMIUM_PATH || DEBIAN_CHROMIUM,
  installTarget = DEBIAN_CHROMIUM,
  isPresent = isExecutable,
  isRoot = process.getuid?.() === 0,
  hasAptGet = commandExists('apt-get'),
  install = (commands) => runInstall(commands, { ...env, DEBIAN_FRONTEND: 'noninteractive' }),
  write = (text) => process.stderr.write(text),
} = {}) {
  if (env.SKIP_BROWSER_TESTS === '1') return 0;
  const decision = chromiumDecision({ chromiumPath, present: isPresent(chromiumPath), isRoot, hasAptGet, installTarget });
  if (decision.action === 'ok') return 0;
  write(`${decision.message}\n`);
  if (decision.action === 'fail') return 1;
  if (!(await install(INSTALL_COMMANDS)) || !isPresent(chromiumPath)) {
    write(`Cài đặt Chromium thất bại. Hãy chạy: ${shown(INSTALL_COMMANDS, false)}\n`);
    return 1;
  }
  write(`Đã cài Chromium tại ${chromiumPath}.\n`);
  return 0;
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  process.exitCode = await ensureChromium();
}
