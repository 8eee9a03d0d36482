// Names the config phase and the compiler share for units with `model_package`.

/** The unit's generated pipeline parameter: `churn` → `ChurnModelPackage`, `cal_housing-tf` → `CalHousingTfModelPackage`. */
export function packageParameterName(model: string): string {
  const pascal = model
    .split(/[-_]+/)
    .filter(Boolean)
    .map((w) => `${w[0]?.toUpperCase() ?? ''}${w.slice(1)}`)
    .join('');
  return `${pascal}ModelPackage`;
}
