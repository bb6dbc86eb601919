/**
 * Function words: changing them ("a" for "one", "do not" for "don't") is
 * an edit, not a rewording. Content words are what a spinner replaces.
 */
export const FUNCTION_WORDS = new Set(
  (
    'a an the and or but nor so yet of to in on at by for with from into onto upon about as than that this these those it its ' +
    'is are was were be been being am do does did done have has had having will would shall should can could may might must ' +
    'not no t s d ll re ve m n he she they we you i him her them us me his their our your my who whom whose which what when ' +
    'where why how there here then also just very too more most some any all each every both either neither such own same ' +
    'other only up down out over under again further once'
  ).split(' '),
);
