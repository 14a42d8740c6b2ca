/**
 * LaTeX strings for the stepper: the seed's step formulas (§3) and the same formulas with the
 * model's numbers substituted for one component. Only strings are built here: every number comes
 * from the worker's explanation (no arithmetic beyond formatting).
 */
import type { AggregationTerm, AggregatorKind, UpdateComponent, UpdatePart } from '../../model/teach/types';
import { fmt, tex } from './format';

/** Values written out before "…" in a long sum. */
const SHOWN = 3;

export const SEED_MESSAGE = String.raw`m_{u \to v}^{(l)} = \mathrm{MESSAGE}\big(h_u^{(l-1)}\big), \quad u \in N(v)`;
export const SEED_AGG = String.raw`m_v^{(l)} = \mathrm{AGG}\left(\{\, h_u^{(l-1)} \mid u \in N(v) \,\}\right)`;
export const SEED_UPDATE = String.raw`h_v^{(l)} = \mathrm{UPDATE}\big(h_v^{(l-1)}, m_v^{(l)}\big)`;

const AGG_TEX: Record<AggregatorKind, (l: number) => string> = {
  mean: (l) => String.raw`m_v^{(${l})} = \frac{1}{|N(v)|} \sum_{u \in N(v)} m_{u \to v}^{(${l})}`,
  sum: (l) => String.raw`m_v^{(${l})} = \sum_{u \in N(v)} m_{u \to v}^{(${l})}`,
  max: (l) => String.raw`m_v^{(${l})} = \max_{u \in N(v)} m_{u \to v}^{(${l})}`,
  gcn: (l) => String.raw`m_v^{(${l})} = \sum_{u \in N(v) \cup \{v\}} \frac{1}{\sqrt{\hat d_u \hat d_v}}\, m_{u \to v}^{(${l})}`,
  attention: (l) => String.raw`m_v^{(${l})} = \sum_{u \in N(v) \cup \{v\}} \alpha_{uv}\, m_{u \to v}^{(${l})}`,
  'relation-mean': (l) =>
    String.raw`m_v^{(${l})} = \sum_r \frac{1}{|N_r(v)|} \sum_{u \in N_r(v)} m_{u \to v}^{(${l})},\quad m_{u \to v}^{(${l})} = W_r h_u^{(${l - 1})}`,
  unknown: (l) => String.raw`m_v^{(${l})} = \mathrm{AGG}\big(\{ m_{u \to v}^{(${l})} \}\big)`,
};

export const aggregatorFormula = (kind: AggregatorKind, layer: number): string => AGG_TEX[kind](layer);

function listed(items: string[], total: number, joiner: string, shown = SHOWN): string {
  if (items.length === 0) return '0';
  const head = items.slice(0, shown).join(joiner);
  return total > shown ? `${head}${joiner}\\dots\\ (${total - shown}\\ \\text{more})` : head;
}

/**
 * e.g. m_{v,1}^{(1)} = 1/5 (0.120 + (-0.300) + …) on one line and "= 0.040" on the next, so the
 * panel never needs to scroll sideways.
 */
export function aggregationNumbers(kind: AggregatorKind, t: AggregationTerm, layer: number): string {
  const lhs = `m_{v,${t.component + 1}}^{(${layer})}`;
  const n = t.values.length;
  const weighted = t.weights ? t.values.map((x, i) => String.raw`${tex(t.weights![i], 2)}\cdot ${tex(x)}`) : t.values.map((x) => tex(x));
  let body: string;
  switch (kind) {
    case 'mean':
      body = n ? String.raw`\tfrac{1}{${n}}\big(${listed(weighted, n, ' + ')}\big)` : String.raw`0 \quad (\text{no neighbours})`;
      break;
    case 'relation-mean':
      // One mean per relation, numbered as the screen's relation headings.
      body = n
        ? listed(
            t.values.map((x, i) => String.raw`\underbrace{${tex(x)}}_{${i + 1}}`),
            n,
            ' + ',
          )
        : String.raw`0 \quad (\text{no neighbours})`;
      break;
    case 'max':
      body = n ? String.raw`\max\big(${listed(weighted, n, String.raw`,\ `)}\big)` : String.raw`0 \quad (\text{no neighbours})`;
      break;
    default:
      // Weighted terms (w · x) are twice as wide: two fit on the line.
      body = listed(weighted, n, ' + ', t.weights ? 2 : SHOWN);
  }
  return String.raw`\begin{aligned} ${lhs} &= ${body} \\ &= ${tex(t.result, 4)} \end{aligned}`;
}

/** The terms of one weighted sum, written out, then the rest and the bias under braces. */
function sumTerms(c: UpdateComponent, parts: UpdatePart[]): { shown: string[]; tail: string[] } {
  const shown: string[] = [];
  const tail: string[] = [];
  c.parts.forEach((p) => {
    const part = parts[p.part];
    for (const t of p.terms) shown.push(part.identity ? tex(t.x) : String.raw`${tex(t.w)}\cdot ${tex(t.x)}`);
    if (p.restCount > 0) tail.push(String.raw`\underbrace{${tex(p.restSum)}}_{\text{${p.restCount} more terms}}`);
  });
  if (c.bias !== 0) tail.push(String.raw`\underbrace{${tex(c.bias)}}_{b_{${c.component + 1}}}`);
  return { shown, tail };
}

/**
 * e.g.  z_{v,1}^{(1)} = 0.50·0.12 + (−0.20)·0.30 + 0.11·0.90
 *                      + (0.05 [61 more terms]) + (0.10 [b_1]) = 0.41,   h_{v,1}^{(1)} = ReLU(0.41) = 0.41
 */
export function updateNumbers(c: UpdateComponent, parts: UpdatePart[], layer: number, activation: string): string {
  const j = c.component + 1;
  const { shown, tail } = sumTerms(c, parts);
  const lines = [`z_{v,${j}}^{(${layer})} &= ${shown.length ? shown.join(' + ') : '0'}`];
  const end = `= ${tex(c.pre, 4)}`;
  lines.push(tail.length ? String.raw`&\quad + ${tail.join(' + ')} ${end}` : `&${end}`);
  if (activation === 'relu') lines.push(String.raw`h_{v,${j}}^{(${layer})} &= \mathrm{ReLU}(${fmt(c.pre, 4)}) = ${tex(c.post, 4)}`);
  else lines.push(`h_{v,${j}}^{(${layer})} &= z_{v,${j}}^{(${layer})} = ${tex(c.post, 4)}`);
  return String.raw`\begin{aligned} ${lines.join(String.raw` \\ `)} \end{aligned}`;
}

export function updateFormula(parts: UpdatePart[] | null, layer: number, activation: string): string {
  const z = parts && parts.length ? parts.map((p) => p.latex).join(' + ') : String.raw`\mathrm{UPDATE}\big(h_v^{(${layer - 1})}, m_v^{(${layer})}\big)`;
  const act = activation === 'relu' ? String.raw`h_v^{(${layer})} = \mathrm{ReLU}\big(z_v^{(${layer})}\big)` : String.raw`h_v^{(${layer})} = z_v^{(${layer})}`;
  return String.raw`z_v^{(${layer})} = ${z}, \qquad ${act}`;
}

/** s = Σ_k h_{v,k} h_{p,k} with the largest terms written out (two lines, as the update). */
export function scoreNumbers(terms: { k: number; a: number; b: number }[], restSum: number, restCount: number, score: number): string {
  const shown = terms.map((t) => String.raw`${tex(t.a)}\cdot ${tex(t.b)}`);
  const tail = restCount > 0 ? String.raw`&\quad + \underbrace{${tex(restSum)}}_{\text{${restCount} more terms}} = ${tex(score, 4)}` : `&= ${tex(score, 4)}`;
  return String.raw`\begin{aligned} s(v,p) &= ${shown.join(' + ')} \\ ${tail} \end{aligned}`;
}

export const probabilityFormula = (score: number, p: number): string =>
  String.raw`\sigma(s) = \frac{1}{1 + e^{-s}} = \frac{1}{1 + e^{-${tex(score, 3)}}} = ${p.toFixed(4)}`;
