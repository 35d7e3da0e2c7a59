/** The commune index in compact columns, decoded by `parseCommunes()` in ./communes.ts. Generated. */
declare const communes: string;
export default communes;
