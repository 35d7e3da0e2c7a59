/** One commune per line: `insee;name;postalCodes(comma-separated);lat;lon;population`. Generated. */
declare const communes: string;
export default communes;
